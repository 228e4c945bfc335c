//! Everything a user (or a transport) can ask of the app.

/// What `App::handle` understands. Keys become actions through the keymap;
/// transports send `Resize` when the screen changes size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrev,
    /// Enter: act on the focused item.
    Activate,
    ToggleHelp,
    ToggleAbout,
    /// Esc: close what is open, or quit when nothing is.
    Back,
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
}
