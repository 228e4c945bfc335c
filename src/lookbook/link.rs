//! A bag's web address, checked on load: `https://` only, an ASCII host
//! (an international name is written in its `xn--` form), and only the
//! characters RFC 3986 allows. The address ends up inside a terminal escape
//! sequence (OSC 8), so nothing that could end or bend that sequence may
//! pass: no controls, no spaces, no quotes.

/// A checked `https://` address and the host a reader sees for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    /// The host without `www.`: `selfridges.com`.
    pub host: String,
}

/// Longer addresses are tracking, not shopping; terminals cap OSC 8 too.
pub const MAX_URL_LEN: usize = 2000;

/// What is wrong with a link; the text is the `expected` of the file's
/// diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("`{0}://` is not allowed: links are https:// only")]
    Scheme(String),
    #[error("a link starts with https://")]
    NoScheme,
    #[error("a link of at most {MAX_URL_LEN} characters")]
    TooLong,
    #[error("{} cannot be in a link (percent-encode it)", describe(*.0))]
    Character(char),
    #[error("a link with a user name (`user@`) could mislead: give the shop's own address")]
    UserName,
    #[error("a port is digits after `:`")]
    Port,
    #[error("a host name such as `www.selfridges.com`")]
    Host,
}

/// Checks `text` as a link; the error says what is wrong with it.
pub fn parse(text: &str) -> Result<Link, LinkError> {
    let Some(rest) = text.strip_prefix("https://") else {
        return Err(match text.split_once("://") {
            Some((scheme, _)) => LinkError::Scheme(scheme.to_string()),
            None => LinkError::NoScheme,
        });
    };
    if text.len() > MAX_URL_LEN {
        return Err(LinkError::TooLong);
    }
    if let Some(bad) = text.chars().find(|&c| !allowed(c)) {
        return Err(LinkError::Character(bad));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(LinkError::UserName);
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return Err(LinkError::Port),
        None => authority,
    };
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if host.is_empty() || !host.contains('.') || !labels_ok {
        return Err(LinkError::Host);
    }
    let host = host.to_ascii_lowercase();
    let shown = host.strip_prefix("www.").unwrap_or(&host).to_string();
    Ok(Link {
        url: text.to_string(),
        host: shown,
    })
}

/// RFC 3986's unreserved, reserved and percent characters.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn an_https_address_shows_its_host() {
        let link = parse("https://www.Selfridges.com/GB/en/product/le-chiquito?x=1#top").unwrap();
        assert_eq!(link.host, "selfridges.com");
        assert_eq!(
            link.url,
            "https://www.Selfridges.com/GB/en/product/le-chiquito?x=1#top"
        );
        assert_eq!(
            parse("https://shop.example:8443/a").unwrap().host,
            "shop.example"
        );
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        for (text, says) in [
            ("http://shop.example/", "`http://` is not allowed"),
            ("javascript://x", "`javascript://` is not allowed"),
            ("shop.example/bag", "starts with https://"),
            ("https://shop.example/a b", "a space"),
            (
                "https://shop.example/\u{1b}]8;;",
                "control character U+001B",
            ),
            ("https://shop.example/\"", "`\"`"),
            ("https://shop.example/ü", "`ü`"),
            ("https://user@evil.example", "user name"),
            ("https://localhost/", "host name"),
            ("https://-bad.example/", "host name"),
            ("https://shop.example:x/", "port"),
            ("https://", "host name"),
        ] {
            let error = parse(text).expect_err(text).to_string();
            assert!(error.contains(says), "{text}: {error}");
        }
        let long = format!("https://shop.example/{}", "a".repeat(2000));
        assert_eq!(parse(&long), Err(super::LinkError::TooLong));
        assert_eq!(
            super::LinkError::TooLong.to_string(),
            "a link of at most 2000 characters"
        );
    }
}
