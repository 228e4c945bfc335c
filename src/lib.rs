//! lookbook: browse a fashion edit of mini bags in a terminal.
//!
//! Data flows one way: `lookbook.toml` -> [`lookbook`] (model, parse,
//! validate) -> [`app`] (state and actions, no I/O) -> [`ui`] (pure drawing
//! of `&App` into a frame) -> the [`driver`], the one loop every session
//! runs, on a transport (`term` for a local terminal, [`ssh`] for
//! `lookbook serve`).
//!
//! Modules only the crate itself uses are private, so the compiler sees
//! what is dead in them.

pub mod app;
pub mod browser;
pub mod commands;
pub mod driver;
pub mod edit;
mod input;
pub mod layout;
pub mod library;
pub mod lookbook;
pub mod photos;
pub mod render;
mod repaint;
pub mod saves;
pub mod scroll;
pub mod ssh;
mod term;
pub mod ui;
mod words;
