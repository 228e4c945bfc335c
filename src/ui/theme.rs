//! Semantic styles. The default uses the 16 ANSI colours, which every
//! terminal (and every SSH client) has and which follow the user's own
//! palette; `NO_COLOR` gets a monochrome theme where focus and selection
//! still show through bold, reverse and border weight.

use crate::photos::{Images, PhotoMode};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use super::depth::Depth;

/// How bag drawings are put on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// Colour, two pixels a cell (upper and lower half blocks).
    HalfBlock,
    /// No colour: tones of shading characters (`░▒▓█`).
    Shading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub border_type: BorderType,
    pub border_type_focused: BorderType,
    pub title: Style,
    pub title_focused: Style,
    /// The selected row of a focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus: visible, but quieter.
    pub selected_unfocused: Style,
    pub header: Style,
    pub header_source: Style,
    pub name: Style,
    pub price: Style,
    pub label: Style,
    pub muted: Style,
    pub accent: Style,
    pub key: Style,
    pub tab: Style,
    pub tab_active: Style,
    /// Characters the filter matched.
    pub highlight: Style,
    pub error: Style,
    /// The shortlist marker.
    pub pick: Style,
    pub drawing: Drawing,
    /// What the terminal can show of the drawings' exact colours.
    pub depth: Depth,
    /// Whether links are sent as OSC 8 hyperlinks (see `hyperlink`).
    pub links: bool,
    /// Whether the errors overlay may quote the file's lines: the author's
    /// own terminal, yes; a visitor's, no (a served file is the host's,
    /// and a bad save may be anything, even a link to a secret).
    pub source_lines: bool,
    /// How photos are shown (the line drawings when `Off`).
    pub photos: PhotoMode,
}

impl Theme {
    /// The theme a transport should use, given whether `NO_COLOR` is set
    /// (to anything non-empty, as <https://no-color.org> says).
    pub fn for_no_color(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(value) if !value.is_empty() => Theme::monochrome(),
            _ => Theme::ansi(),
        }
    }

    /// The theme for a terminal that says this of itself (its `NO_COLOR`,
    /// `TERM` and `COLORTERM`): the 16 ANSI colours, with the drawings at
    /// the colour depth it announces.
    pub fn for_terminal(
        no_color: Option<&str>,
        term: Option<&str>,
        colorterm: Option<&str>,
    ) -> Theme {
        let mut theme = Theme::for_no_color(no_color);
        theme.depth = theme.depth.min(Depth::detect(term, colorterm));
        theme.links = super::hyperlink::supported(term);
        theme
    }

    pub fn ansi() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Magenta),
            border_type: BorderType::Rounded,
            border_type_focused: BorderType::Rounded,
            title: Style::new().fg(Color::Gray),
            title_focused: Style::new().fg(Color::Magenta).add_modifier(bold),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Magenta)
                .add_modifier(bold),
            selected_unfocused: Style::new().fg(Color::Magenta).add_modifier(bold),
            header: Style::new().fg(Color::Magenta).add_modifier(bold),
            header_source: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            name: Style::new().add_modifier(bold),
            price: Style::new().fg(Color::Yellow),
            label: Style::new().fg(Color::Cyan),
            muted: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Magenta),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            tab: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Magenta)
                .add_modifier(bold),
            highlight: Style::new()
                .fg(Color::Yellow)
                .add_modifier(bold.union(Modifier::UNDERLINED)),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            pick: Style::new().fg(Color::Green).add_modifier(bold),
            drawing: Drawing::HalfBlock,
            // Exact colours, as pictures and `render` show them; a
            // terminal gets what it announces (see `for_terminal`).
            depth: Depth::TrueColor,
            links: true,
            source_lines: true,
            photos: PhotoMode::Halfblocks,
        }
    }

    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        Theme {
            border: plain,
            border_focused: bold,
            border_type: BorderType::Plain,
            border_type_focused: BorderType::Thick,
            title: plain,
            title_focused: bold,
            selected: reversed,
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            header: bold,
            header_source: Style::new().add_modifier(Modifier::ITALIC),
            name: bold,
            price: plain,
            label: Style::new().add_modifier(Modifier::DIM),
            muted: Style::new().add_modifier(Modifier::DIM),
            accent: bold,
            key: bold,
            tab: plain,
            tab_active: reversed,
            highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            error: bold,
            pick: bold,
            drawing: Drawing::Shading,
            depth: Depth::TrueColor,
            links: true,
            source_lines: true,
            // Half blocks are nothing but colour: without colour, the
            // line drawings say more.
            photos: PhotoMode::Off,
        }
    }

    /// This theme, showing photos the `mode` way. Without colour, half
    /// blocks (nothing but colour) only when asked for by name.
    #[must_use]
    pub fn with_photos(mut self, images: Images, mode: PhotoMode) -> Theme {
        let colourless = self.photos == PhotoMode::Off;
        if !(colourless && images == Images::Auto && mode == PhotoMode::Halfblocks) {
            self.photos = mode;
        }
        self
    }

    pub fn selection(&self, focused: bool) -> Style {
        if focused {
            self.selected
        } else {
            self.selected_unfocused
        }
    }
}
