//! `lookbook schema`: the JSON Schema of the lookbook format, for editors.

use std::process::ExitCode;

use super::{Error, write_stdout};

pub fn run() -> Result<ExitCode, Error> {
    write_stdout(crate::lookbook::schema::schema().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
