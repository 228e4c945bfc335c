//! `lookbook new`: a starter file written from the format's table, so it
//! shows every table and field the loader knows, each with its line of
//! help, and `lookbook check` accepts it as written.

use super::format::{CARRIED, Field, LOOK, TABLES, Table};

/// The schema line editors read (taplo, tombi), and the blank line after.
pub const SCHEMA_LINE: &str = "#:schema ./lookbook.schema.json\n\n";

pub fn starter() -> String {
    let mut out = String::from(SCHEMA_LINE);
    out.push_str(
        "# A lookbook for `lookbook`. Each field has a line of help above it;\n\
         # the optional ones are commented out: remove the `# ` to use one.\n\
         # `lookbook check FILE` says what is wrong, with line and column, and\n\
         # `lookbook schema > lookbook.schema.json` writes the schema named above,\n\
         # for completion and inline errors in your editor.\n",
    );
    for table in TABLES {
        out.push('\n');
        write_table(&mut out, table, "");
        if table.key == LOOK.key {
            out.push_str(
                "\n# Or, so the look's card can draw the bag, `carried` as a table\n\
                 # (instead of the line above, and after the look's other fields):\n",
            );
            write_table(&mut out, &CARRIED, "# ");
        }
    }
    out
}

fn write_table(out: &mut String, table: &Table, off: &str) {
    out.push_str(&format!("# {}\n", table.about));
    let header = match (table.many, table.key == CARRIED.key) {
        (_, true) => format!("[{}.{}]", LOOK.key, CARRIED.key),
        (true, false) => format!("[[{}]]", table.key),
        (false, false) => format!("[{}]", table.key),
    };
    out.push_str(&format!("{off}{header}\n"));
    for field in table.fields {
        write_field(out, field, off);
    }
}

fn write_field(out: &mut String, field: &Field, off: &str) {
    let need = if field.required {
        "required"
    } else {
        "optional"
    };
    out.push_str(&format!(
        "{off}# {} ({need}): {}\n",
        field.name, field.about
    ));
    let off = if field.required { off } else { "# " };
    for (i, line) in format!("{} = {}", field.name, field.example)
        .lines()
        .enumerate()
    {
        // A multi-line string's later lines are its text, not comments.
        let prefix = if i == 0 { off } else { "" };
        out.push_str(&format!("{prefix}{line}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookbook::{parse, parse_in};

    #[test]
    fn the_starter_checks_as_written() {
        let text = starter();
        assert!(text.starts_with("#:schema ./lookbook.schema.json\n\n"));
        let book = parse(&text, "new.toml").unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(
            (book.bags.len(), book.looks.len(), book.sections.len()),
            (1, 1, 1)
        );
    }

    /// Every field, optional ones included, is one the loader knows, and
    /// every example is a value it accepts.
    #[test]
    fn every_optional_field_uncommented_still_checks() {
        let text = starter();
        let at = text
            .find("# Or, so the look's card")
            .expect("the carried table");
        let (look, carried) = text.split_at(at);
        let uncomment = |text: &str| -> String {
            text.lines()
                .map(|line| {
                    let bare = line.strip_prefix("# ").unwrap_or(line);
                    let is_field = bare.split_once(" = ").is_some() || bare.starts_with('[');
                    if is_field {
                        bare.to_string()
                    } else {
                        line.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let all = uncomment(look);
        // The photos the examples name, beside the file.
        let folder = std::env::temp_dir().join(format!("lookbook-starter-{}", std::process::id()));
        std::fs::create_dir_all(folder.join("images")).expect("a folder");
        image::RgbImage::from_pixel(4, 3, image::Rgb([200, 30, 90]))
            .save(folder.join("images/first-pick.jpg"))
            .expect("a photo");
        let parse = |text: &str, name: &str| parse_in(text, name, Some(&folder)).map(|(b, _)| b);
        let book = parse(&all, "all.toml").unwrap_or_else(|r| panic!("{r}"));
        let bag = &book.bags[0];
        assert!(bag.url.is_some() && bag.size.is_some() && !bag.details.is_empty());
        assert_eq!(
            bag.image.as_ref().map(|p| (p.width, p.height)),
            Some((4, 3))
        );
        assert_eq!(book.nouns.many, "clutches");
        // The carried table instead of the line.
        let without_line = all.replace("carried = \"a small black clutch\"\n", "");
        let with_table = format!("{without_line}\n{}", uncomment(carried));
        let book = parse(&with_table, "table.toml").unwrap_or_else(|r| panic!("{r}"));
        assert!(book.looks[0].carried.shape.is_some());
    }
}
