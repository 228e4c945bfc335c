//! One scrolling rule for every view that scrolls: the list, the detail
//! text, the styling pane's cursor, the overlays. Below both the app and
//! the drawing, so the two agree on what is in view by construction.

/// A move through a scrolling view, as keys ask for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
}

/// A window of `viewport` rows over `len` rows of content, and a cursor
/// on one of them. A view of text (no cursor of its own) moves its offset
/// with [`Scroll::scroll`]; a view of items moves its cursor with
/// [`Scroll::move_cursor`] and the window follows, as little as it must.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    len: usize,
    viewport: usize,
    offset: usize,
    cursor: usize,
}

impl Scroll {
    pub fn new(len: usize, viewport: usize) -> Scroll {
        let mut scroll = Scroll {
            len,
            viewport,
            ..Scroll::default()
        };
        scroll.clamp();
        scroll
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first row in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Rows in view.
    pub fn viewport(&self) -> usize {
        self.viewport
    }

    /// The furthest the window can go: the last row at its bottom, never
    /// blank space below the content.
    pub fn max_offset(&self) -> usize {
        self.len.saturating_sub(self.viewport)
    }

    /// New content or a new window size: the cursor stays on the same row
    /// when it still exists, and in view.
    pub fn resize(&mut self, len: usize, viewport: usize) {
        self.len = len;
        self.viewport = viewport;
        self.clamp();
    }

    /// Puts the cursor on `row` (the last row when past the end).
    pub fn select(&mut self, row: usize) {
        self.cursor = row;
        self.clamp();
    }

    /// Puts the cursor on `cursor` and the window at `offset`, as far as
    /// the content and the keep-in-view rule allow: a place kept across new
    /// content.
    pub fn restore(&mut self, cursor: usize, offset: usize) {
        self.cursor = cursor;
        self.offset = offset;
        self.clamp();
    }

    /// Back to the top, cursor and window.
    pub fn reset(&mut self) {
        self.cursor = 0;
        self.offset = 0;
    }

    pub fn move_cursor(&mut self, motion: Motion) {
        self.cursor = self.target(self.cursor, motion, self.len.saturating_sub(1));
        self.clamp();
    }

    /// Moves the window itself, for text; the cursor rides at its top.
    pub fn scroll(&mut self, motion: Motion) {
        self.offset = self.target(self.offset, motion, self.max_offset());
        self.cursor = self.offset;
    }

    fn target(&self, from: usize, motion: Motion, last: usize) -> usize {
        let page = self.viewport.max(1);
        let to = match motion {
            Motion::Up => from.saturating_sub(1),
            Motion::Down => from.saturating_add(1),
            Motion::Top => 0,
            Motion::Bottom => last,
            Motion::PageUp => from.saturating_sub(page),
            Motion::PageDown => from.saturating_add(page),
        };
        to.min(last)
    }

    /// The keep-in-view rule: the cursor on a row that exists, the window
    /// moved only as far as needed to show it, and never past the end.
    fn clamp(&mut self) {
        self.cursor = self.cursor.min(self.len.saturating_sub(1));
        self.offset = self.offset.min(self.max_offset());
        let rows = self.viewport.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_restored_place_is_clamped_to_the_content() {
        let mut scroll = Scroll::new(10, 5);
        scroll.restore(6, 4);
        assert_eq!((scroll.cursor(), scroll.offset()), (6, 4));
        scroll.resize(7, 5);
        scroll.restore(6, 4);
        assert_eq!((scroll.cursor(), scroll.offset()), (6, 2));
        scroll.restore(1, 4);
        assert_eq!((scroll.cursor(), scroll.offset()), (1, 1));
    }

    #[test]
    fn the_window_moves_only_to_show_the_cursor() {
        let mut scroll = Scroll::new(10, 5);
        scroll.select(3);
        assert_eq!(scroll.offset(), 0);
        scroll.select(7);
        assert_eq!((scroll.cursor(), scroll.offset()), (7, 3));
        scroll.select(2);
        assert_eq!(scroll.offset(), 2);
        scroll.select(99);
        assert_eq!((scroll.cursor(), scroll.offset()), (9, 5));
    }

    #[test]
    fn moves_stop_at_the_ends_and_page_by_the_viewport() {
        let mut scroll = Scroll::new(10, 4);
        scroll.move_cursor(Motion::Up);
        assert_eq!(scroll.cursor(), 0);
        scroll.move_cursor(Motion::PageDown);
        assert_eq!((scroll.cursor(), scroll.offset()), (4, 1));
        scroll.move_cursor(Motion::Bottom);
        assert_eq!((scroll.cursor(), scroll.offset()), (9, 6));
        scroll.move_cursor(Motion::Down);
        assert_eq!(scroll.cursor(), 9);
        scroll.move_cursor(Motion::PageUp);
        assert_eq!((scroll.cursor(), scroll.offset()), (5, 5));
        scroll.move_cursor(Motion::Top);
        assert_eq!((scroll.cursor(), scroll.offset()), (0, 0));
    }

    #[test]
    fn text_scrolls_to_its_last_row_and_no_further() {
        let mut scroll = Scroll::new(12, 5);
        for _ in 0..20 {
            scroll.scroll(Motion::Down);
        }
        assert_eq!(scroll.offset(), 7);
        scroll.scroll(Motion::PageUp);
        assert_eq!(scroll.offset(), 2);
        scroll.resize(6, 5);
        assert_eq!(scroll.offset(), 1, "shorter content pulls the window up");
    }

    #[test]
    fn empty_content_and_a_zero_window_keep_everything_at_zero() {
        let mut scroll = Scroll::new(0, 0);
        scroll.move_cursor(Motion::PageDown);
        scroll.scroll(Motion::Bottom);
        assert_eq!((scroll.cursor(), scroll.offset()), (0, 0));
        let mut one_row = Scroll::new(3, 0);
        one_row.move_cursor(Motion::Down);
        assert_eq!((one_row.cursor(), one_row.offset()), (1, 1));
    }
}
