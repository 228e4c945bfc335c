//! Where each pane goes, for a terminal of a given size. Pure geometry,
//! below both the app and the drawing: the app asks it how tall the list is
//! (for paging) and where a click landed, the drawing where to draw.

use ratatui::layout::{Constraint, Layout, Rect};

/// The panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
    Styling,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Detail, Pane::Styling];

    pub fn next(self) -> Pane {
        Pane::ALL[(self as usize + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self as usize + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// Three columns from this width up.
pub const WIDE_WIDTH: u16 = 120;
/// One pane at a time, with tabs, below this width.
pub const NARROW_WIDTH: u16 = 60;
/// Below this, only a "make the terminal bigger" message.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 10;

/// From this many columns inside its border, the list gives each item's
/// brand a column of its own; in a narrower list it is a second line.
pub const BRAND_COLUMN_FROM: u16 = 64;

/// Rows each item takes in a list pane `width` columns wide (border
/// included): one with the brand in a column, two with it below the name.
pub fn item_rows(width: u16) -> usize {
    if width.saturating_sub(2) >= BRAND_COLUMN_FROM {
        1
    } else {
        2
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Wide,
    Medium,
    Narrow,
    TooSmall,
}

/// Rows of content and rows in view of a text the app scrolls but only the
/// drawing lays out (it wraps to the width it draws at).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    pub len: usize,
    pub viewport: usize,
}

/// What a frame measured, for the app to scroll by: the detail text and
/// the open overlay, where they were drawn; where it drew links and whole
/// photos; and the photos it wanted but found not ready, for the transport
/// to make ready off the drawing path and draw again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    pub detail: Option<Extent>,
    pub overlay: Option<Extent>,
    pub links: Vec<LinkArea>,
    pub photos: Vec<PhotoArea>,
    pub wanted: Vec<crate::photos::PhotoRequest>,
    /// The photos it drew, for its session to hold while it shows them.
    pub shown: crate::photos::Held,
}

/// The cells a whole photo was drawn in, and its file: a picture of the
/// frame (SVG, PNG) shows the photo itself there, not its half blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoArea {
    pub area: Rect,
    pub file: std::path::PathBuf,
}

/// Cells of one row that show a link's text, and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkArea {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// The rectangles of one frame. Panes that are not shown have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    pub header: Rect,
    pub tabs: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub styling: Option<Rect>,
    pub hints: Rect,
}

impl Regions {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Detail => self.detail,
            Pane::Styling => self.styling,
        }
    }
}

pub fn mode(area: Rect) -> Mode {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Mode::TooSmall
    } else if area.width >= WIDE_WIDTH {
        Mode::Wide
    } else if area.width >= NARROW_WIDTH {
        Mode::Medium
    } else {
        Mode::Narrow
    }
}

/// Lays out the screen; in the narrow mode only the focused pane is shown.
pub fn regions(area: Rect, focus: Pane) -> Regions {
    let mode = mode(area);
    if mode == Mode::TooSmall {
        return Regions::default();
    }
    let tabs_height = u16::from(mode == Mode::Narrow);
    let [header, tabs, body, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(tabs_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut screen = Regions {
        header,
        hints,
        ..Regions::default()
    };
    match mode {
        Mode::Wide => {
            let [list, detail, styling] = Layout::horizontal([
                Constraint::Percentage(36),
                Constraint::Percentage(32),
                Constraint::Percentage(32),
            ])
            .areas(body);
            (screen.list, screen.detail, screen.styling) =
                (Some(list), Some(detail), Some(styling));
        }
        Mode::Medium => {
            let [top, styling] =
                Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(body);
            let [list, detail] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(top);
            (screen.list, screen.detail, screen.styling) =
                (Some(list), Some(detail), Some(styling));
        }
        Mode::Narrow | Mode::TooSmall => {
            screen.tabs = Some(tabs);
            match focus {
                Pane::List => screen.list = Some(body),
                Pane::Detail => screen.detail = Some(body),
                Pane::Styling => screen.styling = Some(body),
            }
        }
    }
    screen
}

/// Rows inside the border of `pane` at this size, when it is shown (in the
/// narrow mode, when it has focus): what one page of it is.
pub fn pane_rows(width: u16, height: u16, pane: Pane) -> usize {
    let screen = regions(Rect::new(0, 0, width, height), pane);
    screen
        .pane(pane)
        .map_or(0, |rect| usize::from(rect.height.saturating_sub(2)))
}

/// Rows each edit takes in the picker: its title and counts, its source
/// and file, and a blank row.
pub const PICKER_ROWS_PER_EDIT: usize = 3;

/// The picker's rectangles: the top line, the box of edits (border
/// included), and the hint bar. All empty when the screen is too small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PickerRegions {
    pub header: Rect,
    pub list: Rect,
    pub hints: Rect,
}

pub fn picker_regions(area: Rect) -> PickerRegions {
    if mode(area) == Mode::TooSmall {
        return PickerRegions::default();
    }
    let [header, list, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    PickerRegions {
        header,
        list,
        hints,
    }
}

/// How many edits the picker shows at once at this size.
pub fn picker_page(width: u16, height: u16) -> usize {
    let list = picker_regions(Rect::new(0, 0, width, height)).list;
    (usize::from(list.height.saturating_sub(2)) / PICKER_ROWS_PER_EDIT).max(1)
}
