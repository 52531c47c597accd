//! Birlik: the open platform on which an assembly of peoples does its work. See ARCHITECTURE.md.

pub mod accounts;
pub mod app;
pub mod commands;
pub mod consultations;
pub mod early_warning;
pub mod mediation;
pub mod meetings;
pub mod platform;
pub mod proposals;
pub mod recommendations;
pub mod registry;
