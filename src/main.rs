use std::process::ExitCode;

/// Every command returns its failure here, and only here is it printed
/// and turned into an exit status (see `Error::report`).
fn main() -> ExitCode {
    match lookbook::commands::run() {
        Ok(status) => status,
        Err(error) => error.report(),
    }
}
