//! The one integration-test binary: boots the real server (SQLite, and PostgreSQL when available) and drives it
//! over HTTP like a browser or an API client would.

mod support;

mod account_mail;
mod accounts;
mod api;
mod architecture;
mod authorization;
mod browser;
mod cli;
mod consultations;
mod documents;
mod early_warning;
mod forms;
mod hostile;
mod jobs;
mod meetings;
mod meetings_open;
mod moderation;
mod notify;
mod open_data;
mod pages;
mod proposals;
mod recommendations;
mod storage;
mod way_in;
