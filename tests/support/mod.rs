//! Helpers the test files share. Not a test crate itself: each test file
//! that needs them says `mod support;`.

pub mod photo;
pub mod tmux;
