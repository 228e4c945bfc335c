//! How the app counts things in English, in one place: every layer (the
//! loader's summary, the screen, the SSH log) says "1 look" and "2 looks".

/// `1 bag`, `2 bags`, `0 bags`.
pub fn count(n: usize, singular: &str) -> String {
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {singular}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "bag"), "1 bag");
        assert_eq!(count(0, "look"), "0 looks");
        assert_eq!(count(2, "error"), "2 errors");
    }
}
