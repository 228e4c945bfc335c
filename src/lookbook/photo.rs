//! A bag's or a look's photo (`image = "images/le-chiquito.jpg"`): a file
//! beside the lookbook, checked when the lookbook loads so a bad one is an
//! error with its line and column, never a blank or a garbled pane later.
//! Each is decoded whole here once, to be sure it is one, and its pixels
//! dropped; they are decoded again, off the drawing path, when first drawn
//! (see `photos::Photos`).

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use super::diagnostic::Diagnostic;

/// Bigger files are refused: a lookbook is read by every session.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;
/// Pixels a side: decoding more costs memory for nothing a terminal shows.
pub const MAX_PHOTO_SIDE: u32 = 8192;

/// A photo that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Photo {
    /// As the lookbook writes it (for messages).
    pub written: String,
    /// Where it is: the lookbook's folder joined with `written`.
    pub file: PathBuf,
    pub width: u32,
    pub height: u32,
    /// The file as it was when it loaded: a photo replaced under the same
    /// name is another photo to every cache.
    pub version: FileVersion,
}

/// A file's length and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileVersion {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl FileVersion {
    pub fn of(meta: &fs::Metadata) -> FileVersion {
        FileVersion {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// The formats a photo may be in, told by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
    Webp,
}

impl Format {
    fn sniff(head: &[u8]) -> Option<Format> {
        if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else if head.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(Format::Jpeg)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(Format::Webp)
        } else {
            None
        }
    }

    fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Png => image::ImageFormat::Png,
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Webp => image::ImageFormat::WebP,
        }
    }
}

/// Checks the photo `written` (at `span`) against the lookbook's `folder`.
pub fn check(
    written: &str,
    span: Range<usize>,
    folder: Option<&Path>,
) -> Result<Photo, Diagnostic> {
    let fail =
        |what: String, expected: &str| Err(Diagnostic::new(span.clone(), what).expected(expected));
    let Some(folder) = folder else {
        return fail(
            "a photo needs the lookbook to be a file".into(),
            "a lookbook file, with its photos in its folder",
        );
    };
    let relative = Path::new(written);
    match leaves(folder, relative) {
        Some(Leaves::AsWritten) => {
            return fail(
                format!("`{written}` is outside the lookbook's folder"),
                "a path inside the lookbook's folder, such as \"images/look.jpg\"",
            );
        }
        Some(Leaves::ByLink) => {
            return fail(
                format!("`{written}` leads outside the lookbook's folder"),
                "a photo inside the lookbook's folder",
            );
        }
        None => {}
    }
    let file = folder.join(relative);
    let meta = match fs::metadata(&file) {
        Ok(meta) if meta.is_file() => meta,
        Ok(_) => {
            return fail(
                format!("`{written}` is not a file"),
                "a PNG, JPEG or WebP file",
            );
        }
        Err(_) => {
            return fail(
                format!("no file `{written}` beside the lookbook"),
                "a photo in the lookbook's folder (paths start from there)",
            );
        }
    };
    if meta.len() > MAX_PHOTO_BYTES {
        return fail(
            format!("`{written}` is {} bytes, over the 10 MB limit", meta.len()),
            "a photo of at most 10 MB (a terminal shows a few hundred pixels)",
        );
    }
    let Some(format) = head(&file).as_deref().and_then(Format::sniff) else {
        return fail(
            format!("`{written}` is not a PNG, JPEG or WebP image"),
            "a PNG, JPEG or WebP file",
        );
    };
    let reader = |limited: bool| -> Result<_, Diagnostic> {
        let file = fs::File::open(&file).map_err(|e| {
            Diagnostic::new(span.clone(), format!("`{written}` cannot be read: {e}"))
                .expected("a readable file")
        })?;
        let mut reader =
            image::ImageReader::with_format(std::io::BufReader::new(file), format.image_format());
        if !limited {
            // Only the header is read: a size past the limit is said as
            // such, not as the decoder's refusal to allocate for it.
            reader.no_limits();
        }
        Ok(reader)
    };
    let (width, height) = match reader(false)?.into_dimensions() {
        Ok(size) => size,
        Err(e) => {
            return fail(
                format!("`{written}` is a broken image: {e}"),
                "a whole image",
            );
        }
    };
    if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE {
        return fail(
            format!("`{written}` is {width}x{height} pixels, over 8192 a side"),
            "a photo at most 8192 pixels wide and high",
        );
    }
    // Decoded whole, once, here (on the loader's thread, never the UI's): a
    // file cut short or corrupt past its header is an error at its line,
    // not a half picture on every visitor's screen.
    if let Err(e) = reader(true)?.decode() {
        return fail(
            format!("`{written}` is a broken image: {e}"),
            "a whole image",
        );
    }
    // JPEG decoders fill a picture cut short with grey rather than fail:
    // a whole one ends its last scan with the end-of-image marker.
    if format == Format::Jpeg && !fs::read(&file).is_ok_and(|bytes| jpeg_is_whole(&bytes)) {
        return fail(
            format!("`{written}` is a broken image: it ends before its end-of-image marker"),
            "a whole image",
        );
    }
    Ok(Photo {
        written: written.to_string(),
        file,
        width,
        height,
        version: FileVersion::of(&meta),
    })
}

/// How a photo's path leads out of the lookbook's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaves {
    /// The path itself: rooted, or with more `..` than it goes down.
    AsWritten,
    /// A link on the way, or the folder's own `..`, takes it elsewhere.
    ByLink,
}

/// Whether the photo `written` leads out of `folder`, judged by where it
/// really goes rather than by its `..`s: `../edit/images/a.png` from a
/// folder named `edit` comes back in, and a link inside that points
/// elsewhere does not. A file that is not there is judged as written, its
/// `..`s taken from the folder's real path, so it is said to be missing
/// (or outside) rather than both. A rooted path is refused as written:
/// photo paths start from the folder, so the lookbook can move.
fn leaves(folder: &Path, written: &Path) -> Option<Leaves> {
    let rooted = written
        .components()
        .any(|part| matches!(part, Component::RootDir | Component::Prefix(_)));
    if rooted {
        return Some(Leaves::AsWritten);
    }
    let base = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    let as_written = normalised(&base.join(written));
    match folder.join(written).canonicalize() {
        Ok(real) if real.starts_with(&base) => None,
        Ok(_) if as_written.starts_with(&base) => Some(Leaves::ByLink),
        Ok(_) => Some(Leaves::AsWritten),
        Err(_) => (!as_written.starts_with(&base)).then_some(Leaves::AsWritten),
    }
}

/// `path` with its `.` and `..` taken as written, without the file system.
fn normalised(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            part => out.push(part),
        }
    }
    out
}

/// Whether a JPEG's last scan (its last start-of-scan marker, `FF DA`) is
/// followed by the end-of-image marker (`FF D9`). Inside a scan an `FF`
/// byte is always followed by `00` or a restart marker, so neither marker
/// appears there by chance; a thumbnail's markers come before the image's.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let last = |marker: u8| bytes.windows(2).rposition(|pair| pair == [0xff, marker]);
    match (last(0xda), last(0xd9)) {
        (Some(scan), Some(end)) => end > scan,
        _ => false,
    }
}

/// The first bytes of `file`, enough to tell its format.
fn head(file: &Path) -> Option<Vec<u8>> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(file)
        .ok()?
        .take(16)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder `edit` with `images/a.png` in it, beside `outside.png`.
    fn edit_folder(test: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!(
            "lookbook-photo-paths-{}-{test}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&root);
        let edit = root.join("edit");
        fs::create_dir_all(edit.join("images")).expect("a folder");
        fs::write(edit.join("images/a.png"), "a").expect("a file");
        fs::write(root.join("outside.png"), "b").expect("a file");
        edit
    }

    #[test]
    fn a_photo_path_is_judged_by_where_it_leads() {
        let edit = edit_folder("leads");
        let leaves = |written: &str| leaves(&edit, Path::new(written));
        for inside in [
            "images/a.png",
            "./images/../images/a.png",
            "../edit/images/a.png",
            "../edit/images/none.png",
            "images/none.png",
            ".",
        ] {
            assert_eq!(leaves(inside), None, "{inside}");
        }
        for outside in [
            "../outside.png",
            "images/../../outside.png",
            "../none.png",
            "../../../../../../../../etc/passwd",
            "/etc/passwd",
        ] {
            assert_eq!(leaves(outside), Some(Leaves::AsWritten), "{outside}");
        }
        let rooted_inside = edit.join("images/a.png").display().to_string();
        assert_eq!(leaves(&rooted_inside), Some(Leaves::AsWritten));
        let _ = fs::remove_dir_all(edit.parent().expect("its root"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_leads_outside() {
        let edit = edit_folder("link");
        std::os::unix::fs::symlink("../../outside.png", edit.join("images/b.png")).expect("a link");
        std::os::unix::fs::symlink("..", edit.join("up")).expect("a link");
        let leaves = |written: &str| leaves(&edit, Path::new(written));
        assert_eq!(leaves("images/b.png"), Some(Leaves::ByLink));
        assert_eq!(leaves("up/outside.png"), Some(Leaves::ByLink));
        assert_eq!(leaves("up/edit/images/a.png"), None, "back in by the link");
        let _ = fs::remove_dir_all(edit.parent().expect("its root"));
    }

    #[test]
    fn a_jpeg_is_whole_when_its_last_scan_ends_the_image() {
        let scan = [0xff, 0xda, 0x00, 0x0c, 0x12, 0xff, 0x00, 0x34];
        let whole = [&[0xff, 0xd8][..], &scan, &[0xff, 0xd9]].concat();
        assert!(jpeg_is_whole(&whole));
        assert!(!jpeg_is_whole(&whole[..whole.len() - 2]), "cut in its scan");
        // A thumbnail's end before the image's own scan does not count.
        let thumbnail_then_cut = [&[0xff, 0xd8, 0xff, 0xd9][..], &scan].concat();
        assert!(!jpeg_is_whole(&thumbnail_then_cut));
        assert!(!jpeg_is_whole(&[0xff, 0xd8, 0xff, 0xd9]), "no scan at all");
    }

    #[test]
    fn formats_are_told_by_their_first_bytes() {
        assert_eq!(Format::sniff(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
        assert_eq!(Format::sniff(&[0xff, 0xd8, 0xff, 0xe0]), Some(Format::Jpeg));
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::Webp));
        assert_eq!(Format::sniff(b"GIF89a......"), None);
        assert_eq!(Format::sniff(b"RIFF\0\0\0\0WAVE"), None);
    }
}
