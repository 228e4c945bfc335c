//! Everything a user (or a transport) can ask of the app.

use crate::scroll::Motion;

/// What `App::handle` understands. Keys become actions through the keymap;
/// transports send `Resize` when the screen changes size, and mouse events
/// when the user opted in to the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move through whatever has focus: the list, the detail text, the
    /// styling pane, or the open overlay.
    Move(Motion),
    FocusNext,
    FocusPrev,
    /// Enter: act on the focused item.
    Activate,
    ToggleHelp,
    ToggleAbout,
    /// `/`: type a filter.
    Filter,
    /// `s`: the next sort order.
    CycleSort,
    /// `b`: type a budget.
    Budget,
    /// Space: add the selected bag to the shortlist, or take it off.
    ToggleShortlist,
    /// `S`: the shortlist, with its total.
    ShowShortlist,
    /// `e`: every error in the file on disk, while it has errors.
    ShowErrors,
    /// `l`: the look the selected bag pairs with.
    JumpToLook,
    /// Esc: close what is open, clear the filter, or quit when neither.
    Back,
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
}
