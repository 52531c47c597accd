//! Accounts: the pages of registration, login, logout and password change, the admin's audit and parked-jobs
//! pages. Who a user is (sessions, roles) belongs to the platform (`platform::identity`).

pub mod changes;
pub mod letters;
pub mod moderated;
pub mod pages;
pub mod password;
pub mod recovery;
pub mod store;
