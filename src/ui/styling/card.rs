//! One look's card, laid out for a width: its head (outfit, the bag
//! carried, the note), one row per paired bag, and their total. Only the
//! head is built ahead; a paired bag's row is built when it is in view, so
//! a look with a million pairs costs a frame what a look with three does.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::text;
use crate::app::{Pane, Stop};
use crate::lookbook::{Look, Price};
use crate::ui::Scene;

const CURSOR: &str = "▶ ";
/// Marks, on a card, the bag selected in the list.
const SELECTED_BAG: &str = "◆ ";
const NO_MARKER: &str = "  ";

/// The drawing of the bag a look's wearer carried, left of its description;
/// shown when the card leaves the description `MIN_DESCRIPTION_WIDTH`.
pub const THUMBNAIL_WIDTH: u16 = 16;
pub const THUMBNAIL_HEIGHT: u16 = 7;
const MIN_DESCRIPTION_WIDTH: usize = 12;
/// Beside a photo, words need more room than beside a drawing: a photo's
/// card is read as a caption, and twelve cells squeezed it to a word a
/// line. Narrower, the words go below the photo, at the card's width.
const MIN_CAPTION_WIDTH: usize = 24;

/// One look, laid out for a given width.
pub struct Card {
    pub look: usize,
    /// The rows above the paired bags.
    head: Vec<Line<'static>>,
    pairs: usize,
    /// The row after the paired bags, when there are any.
    together: Option<Line<'static>>,
    /// Whether the bag selected in the list pairs with this look.
    pub relevant: bool,
    /// The content row of the drawing of the bag carried, when it fits.
    pub thumbnail_row: Option<usize>,
    width: usize,
}

impl Card {
    /// Rows inside the border.
    pub fn content_rows(&self) -> usize {
        self.head.len() + self.pairs + usize::from(self.together.is_some())
    }

    /// Rows with the border.
    pub fn height(&self) -> usize {
        self.content_rows() + 2
    }

    /// The content row of the look's `pair`-th paired bag.
    pub fn pair_row(&self, pair: usize) -> usize {
        self.head.len() + pair
    }

    /// Content row `row`, built now.
    pub fn line(&self, ui: &Scene, row: usize) -> Line<'static> {
        if let Some(line) = self.head.get(row) {
            return line.clone();
        }
        let pair = row - self.head.len();
        if pair < self.pairs {
            let look = &ui.app.lookbook().looks[self.look];
            let at_cursor = ui.app.focus() == Pane::Styling
                && ui.app.styling_stop()
                    == Some(Stop::Pair {
                        look: self.look,
                        pair,
                    });
            return pair_row(ui, look.pairs[pair], at_cursor, self.width);
        }
        self.together.clone().unwrap_or_default()
    }
}

/// The card of look `look_index`, `width` cells inside its padding.
pub fn card(ui: &Scene, look_index: usize, width: u16) -> Card {
    let theme = ui.theme;
    let look: &Look = &ui.app.lookbook().looks[look_index];
    let width = usize::from(width).max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let wrapped = |text: &str, indent: &'static str, style: Style| -> Vec<Line<'static>> {
        text::wrap(text, width.saturating_sub(text::width(indent)))
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let lead = if i == 0 {
                    indent.to_string()
                } else {
                    " ".repeat(text::width(indent))
                };
                Line::from(vec![
                    Span::styled(lead, theme.accent),
                    Span::styled(line, style),
                ])
            })
            .collect()
    };
    lines.push(Line::styled("Outfit", theme.label));
    for piece in &look.outfit {
        lines.extend(wrapped(piece, "• ", Style::new()));
    }
    let label = Span::styled(ui.app.lookbook().nouns.carried.clone(), theme.label);
    let photo = look.image.is_some() && ui.theme.photos != crate::photos::PhotoMode::Off;
    let drawn = photo || ui.app.lookbook().draws(look.carried.shape);
    let picture = match (photo, drawn) {
        (true, _) => Picture::Photo,
        (false, true) => Picture::Drawing,
        (false, false) => Picture::None,
    };
    let thumbnail_row = carried(&mut lines, label, &look.carried.description, width, picture);
    if let Some(note) = &look.note {
        let italic = theme.muted.add_modifier(Modifier::ITALIC);
        lines.extend(wrapped(note, "", italic));
    }
    let together = (!look.pairs.is_empty()).then(|| {
        lines.extend(wrapped("Shop the look (our pick)", "", theme.label));
        together(ui, look, width)
    });
    Card {
        look: look_index,
        head: lines,
        pairs: look.pairs.len(),
        together,
        relevant: ui
            .app
            .selected()
            .is_some_and(|bag| look.pairs.contains(&bag)),
        thumbnail_row,
        width,
    }
}

/// "Together", with how many fit the budget, and the paired bags' total.
fn together(ui: &Scene, look: &Look, width: usize) -> Line<'static> {
    let theme = ui.theme;
    let lookbook = ui.app.lookbook();
    let price = |bag: &usize| lookbook.bags[*bag].price;
    let total = look
        .pairs
        .iter()
        .map(price)
        .fold(0_u64, |sum, p| sum.saturating_add(p.minor));
    let total = lookbook.currency.format(Price::from_minor(total));
    let room = width.saturating_sub(text::width(&total) + 1);
    let together = match ui.app.budget() {
        Some(budget) => {
            let within = look.pairs.iter().filter(|b| price(b) <= budget).count();
            let of = format!("{within} of {}", look.pairs.len());
            // The longest form that fits: a cut word would say nothing.
            [
                format!("  Together · {of} in budget"),
                format!("  Together · {of} fit"),
                format!("  {of} fit"),
            ]
            .into_iter()
            .find(|form| text::width(form) <= room)
            .unwrap_or_default()
        }
        None => "  Together".to_string(),
    };
    let together = text::truncate(&together, room).into_owned();
    let gap = width.saturating_sub(text::width(&together) + text::width(&total));
    Line::from(vec![
        Span::styled(together, theme.muted),
        Span::raw(" ".repeat(gap)),
        Span::styled(total, theme.price),
    ])
}

/// What a card shows of the bag carried, besides its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Picture {
    None,
    Drawing,
    Photo,
}

/// "Carried" (the edit's word) and the description of the item, beside room for its drawing
/// or photo when it has one and the card is wide enough (a photo's words
/// go below it when the column beside is too narrow for a caption);
/// returns the picture's first row.
fn carried(
    lines: &mut Vec<Line<'static>>,
    label: Span<'static>,
    description: &str,
    width: usize,
    picture: Picture,
) -> Option<usize> {
    let indent = usize::from(THUMBNAIL_WIDTH) + 1;
    let below = |lines: &mut Vec<Line<'static>>| {
        lines.push(Line::from(label.clone()));
        lines.extend(text::wrap(description, width).into_iter().map(Line::from));
    };
    if picture == Picture::None || width < indent + MIN_DESCRIPTION_WIDTH {
        below(lines);
        return None;
    }
    let top = lines.len();
    if picture == Picture::Photo && width < indent + MIN_CAPTION_WIDTH {
        lines.extend((0..THUMBNAIL_HEIGHT).map(|_| Line::default()));
        below(lines);
        return Some(top);
    }
    let column = std::iter::once(label).chain(
        text::wrap(description, width - indent)
            .into_iter()
            .map(Span::raw),
    );
    let column: Vec<Span> = column.collect();
    let rows = column.len().max(usize::from(THUMBNAIL_HEIGHT));
    let mut column = column.into_iter();
    for _ in 0..rows {
        let text = column.next().unwrap_or_default();
        lines.push(Line::from(vec![Span::raw(" ".repeat(indent)), text]));
    }
    Some(top)
}

fn pair_row(ui: &Scene, bag_index: usize, at_cursor: bool, width: usize) -> Line<'static> {
    let theme = ui.theme;
    let bag = &ui.app.lookbook().bags[bag_index];
    let is_selected_bag = ui.app.selected() == Some(bag_index);
    let marker = match (at_cursor, is_selected_bag) {
        (true, _) => CURSOR,
        (false, true) => SELECTED_BAG,
        (false, false) => NO_MARKER,
    };
    let price = ui.app.lookbook().currency.format(bag.price);
    let room = width.saturating_sub(text::width(marker) + text::width(&price) + 1);
    let name = text::truncate(&bag.name, room).into_owned();
    let gap = width.saturating_sub(text::width(marker) + text::width(&name) + text::width(&price));
    let over_budget = ui.app.budget().is_some_and(|budget| bag.price > budget);
    let name_style = match (is_selected_bag, over_budget) {
        (true, _) => theme.accent,
        (false, true) => theme.muted,
        (false, false) => Style::new(),
    };
    let price_style = if over_budget {
        theme.muted
    } else {
        theme.price
    };
    let mut spans = vec![
        Span::styled(marker, theme.accent),
        Span::styled(name, name_style),
        Span::raw(" ".repeat(gap)),
        Span::styled(price, price_style),
    ];
    if room < 4 {
        spans.truncate(2);
    }
    if at_cursor {
        spans = spans
            .into_iter()
            .map(|s| s.patch_style(theme.selected))
            .collect();
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::App;
    use crate::app::keymap::parse_keys;
    use crate::lookbook::bundled;
    use crate::ui::theme::Theme;

    /// `carried`'s lines for a card `width` cells wide, and its answer.
    fn carried_at(width: usize) -> (Vec<String>, Option<usize>) {
        let mut lines = vec![Line::raw("outfit")];
        let top = carried(
            &mut lines,
            Span::raw("Carried"),
            "a pink bag",
            width,
            Picture::Drawing,
        );
        (lines.iter().map(ToString::to_string).collect(), top)
    }

    #[test]
    fn the_description_sits_beside_the_drawing_from_29_cells() {
        // 16 for the drawing, a space, at least 12 for the words.
        let (lines, top) = carried_at(29);
        assert_eq!(top, Some(1));
        assert_eq!(lines[1], format!("{}Carried", " ".repeat(17)));
        assert_eq!(lines[2], format!("{}a pink bag", " ".repeat(17)));
        let (lines, top) = carried_at(28);
        assert_eq!(top, None, "too narrow: no drawing");
        assert_eq!(lines[1..], ["Carried", "a pink bag"]);
    }

    /// Beside a photo the words need room for a caption; narrower, they
    /// go below it at the card's width, never a word a line.
    #[test]
    fn a_photos_words_go_below_it_when_the_column_beside_is_narrow() {
        let description = "tiny bubble gum pink drawstring Chanel number";
        let at = |width| {
            let mut lines = vec![Line::raw("outfit")];
            let top = carried(
                &mut lines,
                Span::raw("Carried"),
                description,
                width,
                Picture::Photo,
            );
            let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
            (lines, top)
        };
        let (lines, top) = at(41);
        assert_eq!(top, Some(1));
        assert_eq!(lines[1], format!("{}Carried", " ".repeat(17)));
        assert_eq!(lines[2], format!("{}tiny bubble gum pink", " ".repeat(17)));
        let (lines, top) = at(40);
        assert_eq!(top, Some(1), "the photo keeps its place");
        let photo_rows = usize::from(THUMBNAIL_HEIGHT);
        assert!(lines[1..=photo_rows].iter().all(String::is_empty));
        assert_eq!(
            lines[photo_rows + 1..],
            [
                "Carried",
                "tiny bubble gum pink drawstring Chanel",
                "number"
            ]
        );
    }

    /// A paired bag's row, `width` cells, after typing `keys`.
    fn row(keys: &str, bag: usize, width: usize) -> Line<'static> {
        let mut app = App::new(Arc::new(bundled()));
        for key in parse_keys(keys).expect("keys") {
            app.handle_key(key);
        }
        let theme = Theme::ansi();
        let ui = Scene::new(&app, &theme);
        pair_row(&ui, bag, false, width)
    }

    #[test]
    fn a_bag_over_the_budget_is_muted_and_one_at_it_is_not() {
        let theme = Theme::ansi();
        let book = bundled();
        let at = |price: &str| {
            book.bags
                .iter()
                .position(|b| book.currency.format(b.price) == price)
                .expect("a bag at that price")
        };
        let price_style = |line: &Line| line.spans.last().expect("a price").style;
        assert_eq!(
            price_style(&row("b 1 9 5 Enter", at("£195"), 40)),
            theme.price
        );
        assert_eq!(
            price_style(&row("b 1 9 5 Enter", at("£350"), 40)),
            theme.muted
        );
        assert_eq!(
            price_style(&row("b 1 9 5 Enter", at("£109"), 40)),
            theme.price
        );
    }

    #[test]
    fn a_row_too_narrow_for_four_cells_of_name_drops_the_price() {
        // Marker (2), price (4) and a space leave 4 cells of name at 11.
        // (Not the first bag: it is the selected one, marked ◆.)
        let fendi = bundled()
            .bags
            .iter()
            .position(|b| b.name == "First Nano bag")
            .expect("the £695 bag");
        assert_eq!(row("", fendi, 11).to_string(), "  Fir… £695");
        assert_eq!(row("", fendi, 10).to_string(), "  Fi…");
    }
}
