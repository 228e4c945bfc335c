//! Properties that must hold at any terminal size and after any key sequence,
//! each held to an oracle written here rather than to the app's own list
//! code: which bags are listed and in what order, which rows are in view,
//! what the shortlist adds up to, and what opens, closes and quits. They run
//! on the bundled edit and on a generated edit of 1,000 bags whose prices and
//! brands tie again and again, where an order that holds only by luck shows.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use lookbook::app::keymap::{KEYMAP, action_for, parse_keys};
use lookbook::app::{Action, App, Overlay, Pane, PromptKind, Sort, Stop};
use lookbook::edit::SearchIndex;
use lookbook::layout::{self, Mode};
use lookbook::lookbook::{Lookbook, Price, bundled, parse};
use lookbook::render;
use lookbook::scroll::Motion;
use lookbook::ui::theme::Theme;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Margin, Rect};

// The edits the properties run on.

/// An edit, and what the oracle and the shopper need of it.
struct Edit {
    book: Arc<Lookbook>,
    /// The matcher has its own tests: the oracle asks it only which bags
    /// match a filter and how well, and works out the list itself.
    index: SearchIndex,
    /// Budgets as a shopper types them, with the amount each means.
    budgets: Vec<(String, Option<Price>)>,
}

impl Edit {
    fn new(book: Lookbook) -> Edit {
        Edit {
            index: SearchIndex::new(&book),
            budgets: budgets(&book),
            book: Arc::new(book),
        }
    }

    /// What a budget entry means, when it is one of the test's budgets: the
    /// test parses no amounts itself, so it knows only the ones it wrote.
    fn amount(&self, typed: &str) -> Option<Option<Price>> {
        self.budgets
            .iter()
            .find(|(text, _)| text == typed)
            .map(|&(_, amount)| amount)
    }
}

/// Every price in the edit, where the budget's `<=` shows (a budget equal to
/// a price keeps that bag), and a penny under each; written as the screen
/// shows prices (`£1,250`) and as bare digits. The empty entry clears.
fn budgets(book: &Lookbook) -> Vec<(String, Option<Price>)> {
    let mut prices: Vec<u64> = book.bags.iter().map(|bag| bag.price.minor).collect();
    prices.sort_unstable();
    prices.dedup();
    let mut budgets = vec![(String::new(), None)];
    for minor in prices.into_iter().flat_map(|p| [p, p.saturating_sub(1)]) {
        let price = Price::from_minor(minor);
        let shown = book.currency.format(price);
        let bare = shown
            .chars()
            .filter(|&c| c.is_ascii_digit() || c == '.')
            .collect();
        budgets.push((shown, Some(price)));
        budgets.push((bare, Some(price)));
    }
    budgets
}

static BUNDLED: LazyLock<Edit> = LazyLock::new(|| Edit::new(bundled()));

static CROWDED: LazyLock<Edit> = LazyLock::new(|| {
    let text = crowded_toml(1_000);
    let book = parse(&text, "crowded.toml").unwrap_or_else(|report| panic!("{report}"));
    Edit::new(book)
});

/// Five prices, one with pence.
const PRICES: [&str; 5] = ["49.99", "75", "195", "350", "1250"];
/// Four brands, two of them one brand to a reader ("&" and case aside).
const BRANDS: [&str; 4] = [
    "& Other Stories",
    "other Stories",
    "the Row",
    "Acne Studios",
];
/// Words for names and retailers, so filters match some bags and not others
/// and score them differently.
const NAMES: [&str; 6] = ["Nano", "Micro", "Mini", "Bon Bon", "Le Petit", "Zip"];
const RETAILERS: [&str; 3] = ["Net-A-Porter", "Selfridges", "Arket"];
const WEARERS: [&str; 3] = ["Laura Harrier", "Lily-Rose Depp", "Zoe Kravitz"];

/// A TOML edit of `bags` bags in which every price meets every brand many
/// times over: nearly every comparison a sort makes is a tie.
fn crowded_toml(bags: usize) -> String {
    let mut out = String::from(
        "[lookbook]\ntitle = \"The crowded edit\"\nsource = \"tests/props.rs\"\n\
         currency = \"GBP\"\n\n[[section]]\nheading = \"Ties\"\nbody = \"Equal prices.\"\n\n",
    );
    for i in 0..bags {
        let name = NAMES[(i / 20) % NAMES.len()];
        writeln!(
            out,
            "[[bag]]\nid = \"bag-{i}\"\nname = \"{name} bag {i}\"\nbrand = \"{}\"\n\
             retailer = \"{}\"\nprice = {}\n",
            BRANDS[(i / PRICES.len()) % BRANDS.len()],
            RETAILERS[i % RETAILERS.len()],
            PRICES[i % PRICES.len()],
        )
        .expect("writing to a String");
    }
    for (look, wearer) in WEARERS.iter().enumerate() {
        let pairs: Vec<String> = (0..3)
            .map(|k| format!("\"bag-{}\"", (look * 331 + k * 97) % bags))
            .collect();
        writeln!(
            out,
            "[[look]]\nid = \"look-{look}\"\nwearer = \"{wearer}\"\n\
             outfit = [\"white jacket\"]\ncarried = \"tiny pink number\"\n\
             pairs = [{}]\n",
            pairs.join(", ")
        )
        .expect("writing to a String");
    }
    out
}

// What the user does.

#[derive(Debug, Clone)]
enum Step {
    /// One key, by the name help shows.
    Key(String),
    /// `b`, one of the edit's budgets, Enter.
    Budget(usize),
    Resize(u16, u16),
}

/// What a shopper types into the filter and budget entries (keys the keymap
/// may also bind, when no entry is open).
const TYPED: &str = "a e o n z 4 0 £ . , Space Backspace Enter C-u";

/// The keys that end a session (q, Ctrl-C) or close what is open (Esc,
/// which never ends one). Drawn less often than the others, so a sequence
/// explores for a while before it leaves.
const LEAVING: &str = "Esc q C-c";

/// Every key of the keymap except the leaving ones, drawn on their own.
fn keymap_keys() -> Vec<String> {
    KEYMAP
        .iter()
        .filter(|binding| !matches!(binding.action, Action::Quit | Action::Back))
        .flat_map(|binding| binding.keys.iter().map(|key| key.name()))
        .collect()
}

fn words(keys: &str) -> Vec<String> {
    keys.split(' ').map(str::to_string).collect()
}

fn step(budgets: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        20 => prop::sample::select(keymap_keys()).prop_map(Step::Key),
        10 => prop::sample::select(words(TYPED)).prop_map(Step::Key),
        4 => (0..budgets).prop_map(Step::Budget),
        1 => prop::sample::select(words(LEAVING)).prop_map(Step::Key),
        2 => (0..=160u16, 0..=50u16).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn sequence(edit: &Edit) -> impl Strategy<Value = Vec<Step>> + use<> {
    prop::collection::vec(step(edit.budgets.len()), 0..80)
}

// The oracle: what the user should see, worked out from the keys alone.

/// What the app should hold after the keys so far.
#[derive(Debug)]
struct Model {
    overlay: Option<Overlay>,
    prompt: Option<(PromptKind, String)>,
    filter: String,
    sort: Sort,
    budget: Option<Price>,
    shortlist: Vec<usize>,
    running: bool,
    /// Enter was pressed on a budget the test cannot read: the app's answer
    /// is taken, as long as it either sets a budget or says what is wrong.
    unread_budget: bool,
}

/// What the app holds that the keys alone decide.
#[derive(Debug, PartialEq)]
struct Held {
    overlay: Option<Overlay>,
    entry: Option<(PromptKind, String)>,
    filter: String,
    sort: Sort,
    budget: Option<Price>,
    shortlist: Vec<usize>,
    total: Price,
}

/// What the app showed before a key: where the key lands depends on it.
#[derive(Debug)]
struct Before {
    visible: Vec<usize>,
    selected: Option<usize>,
    cursor: usize,
    offset: usize,
    rows: usize,
    focus: Pane,
    stop: Option<Stop>,
    shortlist_cursor: usize,
}

impl Before {
    fn of(app: &App) -> Before {
        Before {
            visible: app.visible().to_vec(),
            selected: app.selected(),
            cursor: app.cursor(),
            offset: app.list_offset(),
            rows: app.list_page(),
            focus: app.focus(),
            stop: app.styling_stop(),
            shortlist_cursor: app.shortlist_cursor(),
        }
    }
}

/// Which bag a key should leave selected.
#[derive(Debug, Clone, Copy)]
enum Selection {
    /// The bag selected before, if still listed; otherwise the first.
    Kept(Option<usize>),
    /// The list position a move lands on.
    At(usize),
    /// A bag shown from a look or the shortlist.
    Bag(usize),
}

/// The sort `s` goes to next, in the order help lists them.
fn next_sort(sort: Sort) -> Sort {
    match sort {
        Sort::Edit => Sort::PriceLow,
        Sort::PriceLow => Sort::PriceHigh,
        Sort::PriceHigh => Sort::Brand,
        Sort::Brand => Sort::Edit,
    }
}

/// The longest entry the app keeps.
const MAX_ENTRY: usize = 200;

impl Model {
    fn new() -> Model {
        Model {
            overlay: None,
            prompt: None,
            filter: String::new(),
            sort: Sort::Edit,
            budget: None,
            shortlist: Vec::new(),
            running: true,
            unread_budget: false,
        }
    }

    fn press(&mut self, key: KeyEvent, before: &Before, edit: &Edit) -> Selection {
        self.unread_budget = false;
        if let Some((kind, text)) = self.prompt.take() {
            self.type_into(kind, text, key, edit);
            return Selection::Kept(before.selected);
        }
        match action_for(key) {
            Some(action) => self.act(action, before, edit),
            None => Selection::Kept(before.selected),
        }
    }

    /// An entry takes every key first: the keymap does not apply in it.
    fn type_into(&mut self, kind: PromptKind, mut text: String, key: KeyEvent, edit: &Edit) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => self.running = false,
            KeyCode::Char('u') if ctrl => text.clear(),
            KeyCode::Char(c) if !ctrl && text.chars().count() < MAX_ENTRY => text.push(c),
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Enter => return self.accept(kind, text, edit),
            KeyCode::Esc => {
                if kind == PromptKind::Filter {
                    self.filter.clear();
                }
                return;
            }
            _ => {}
        }
        if kind == PromptKind::Filter {
            self.filter.clone_from(&text);
        }
        self.prompt = Some((kind, text));
    }

    fn accept(&mut self, kind: PromptKind, text: String, edit: &Edit) {
        if kind == PromptKind::Filter {
            return;
        }
        match edit.amount(&text) {
            Some(amount) => self.budget = amount,
            None => {
                self.unread_budget = true;
                self.prompt = Some((kind, text));
            }
        }
    }

    fn act(&mut self, action: Action, before: &Before, edit: &Edit) -> Selection {
        let kept = Selection::Kept(before.selected);
        match action {
            Action::Quit => self.running = false,
            Action::ToggleHelp => self.toggle(Overlay::Help),
            Action::ToggleAbout => self.toggle(Overlay::About),
            Action::ShowShortlist => self.toggle(Overlay::Shortlist),
            Action::Back => self.back(),
            _ if self.overlay == Some(Overlay::Shortlist) => {
                return self.in_shortlist(action, before);
            }
            _ if self.overlay.is_some() => {}
            Action::Filter => self.prompt = Some((PromptKind::Filter, self.filter.clone())),
            Action::Budget => self.prompt = Some((PromptKind::Budget, String::new())),
            Action::CycleSort => self.sort = next_sort(self.sort),
            Action::ToggleShortlist => {
                if let Some(bag) = before.selected {
                    self.toggle_pick(bag);
                }
            }
            Action::Activate if before.focus == Pane::Styling => {
                if let Some(Stop::Pair { look, pair }) = before.stop {
                    return self.show_bag(edit.book.looks[look].pairs[pair], before);
                }
            }
            Action::Move(motion) if before.focus == Pane::List => {
                return Selection::At(moved(before, motion));
            }
            _ => {}
        }
        kept
    }

    fn toggle(&mut self, overlay: Overlay) {
        self.overlay = (self.overlay != Some(overlay)).then_some(overlay);
    }

    /// Esc closes the innermost thing open; it never quits.
    fn back(&mut self) {
        if self.overlay.is_some() {
            self.overlay = None;
        } else if !self.filter.is_empty() {
            self.filter.clear();
        }
    }

    fn toggle_pick(&mut self, bag: usize) {
        match self.shortlist.iter().position(|&b| b == bag) {
            Some(at) => {
                self.shortlist.remove(at);
            }
            None => self.shortlist.push(bag),
        }
    }

    fn in_shortlist(&mut self, action: Action, before: &Before) -> Selection {
        let at = before.shortlist_cursor;
        match action {
            Action::ToggleShortlist if at < self.shortlist.len() => {
                self.shortlist.remove(at);
            }
            Action::Activate => {
                if let Some(&bag) = self.shortlist.get(at) {
                    self.overlay = None;
                    return self.show_bag(bag, before);
                }
            }
            _ => {}
        }
        Selection::Kept(before.selected)
    }

    /// Showing a bag the filter or budget hides widens the list to every bag.
    fn show_bag(&mut self, bag: usize, before: &Before) -> Selection {
        if !before.visible.contains(&bag) {
            self.filter.clear();
            self.budget = None;
        }
        Selection::Bag(bag)
    }

    /// Takes the app's answer to a budget the test cannot read.
    fn read_budget(&mut self, app: &App) -> Result<(), String> {
        if !self.unread_budget {
            return Ok(());
        }
        match app.prompt() {
            None => {
                self.prompt = None;
                self.budget = app.budget();
                Ok(())
            }
            Some(prompt) => ensure(prompt.error.is_some(), || {
                format!(
                    "Enter on budget {:?} neither set it nor said why",
                    prompt.text
                )
            }),
        }
    }
}

/// Where a move takes the list's cursor: one row, one page (the rows in
/// view), or an end; never off the list.
fn moved(before: &Before, motion: Motion) -> usize {
    let Some(last) = before.visible.len().checked_sub(1) else {
        return 0;
    };
    let page = before.rows.max(1);
    let cursor = before.cursor;
    match motion {
        Motion::Up => cursor.saturating_sub(1),
        Motion::Down => cursor + 1,
        Motion::Top => 0,
        Motion::Bottom => last,
        Motion::PageUp => cursor.saturating_sub(page),
        Motion::PageDown => cursor + page,
    }
    .min(last)
}

/// How a reader files a brand: case aside, and whatever comes before its
/// first letter or digit ("& Other Stories" under O).
fn filing_key(brand: &str) -> String {
    brand
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The bags the list should show, in order. Rows start in edit order and
/// every sort here is stable, so ties stay in edit order without a
/// tie-break of their own.
fn listed(edit: &Edit, matched: &[(usize, u32)], model: &Model) -> Vec<usize> {
    let bags = &edit.book.bags;
    let mut rows: Vec<(usize, u32)> = matched
        .iter()
        .copied()
        .filter(|&(bag, _)| model.budget.is_none_or(|budget| bags[bag].price <= budget))
        .collect();
    match model.sort {
        // With no filter every score is the same, which leaves edit order.
        Sort::Edit => rows.sort_by_key(|&(_, score)| Reverse(score)),
        Sort::PriceLow => rows.sort_by_key(|&(bag, _)| bags[bag].price),
        Sort::PriceHigh => rows.sort_by_key(|&(bag, _)| Reverse(bags[bag].price)),
        Sort::Brand => rows.sort_by_cached_key(|&(bag, _)| filing_key(&bags[bag].brand)),
    }
    rows.into_iter().map(|(bag, _)| bag).collect()
}

/// A key as the failure messages name it: `C-'c'`, `Enter`, `'a'`.
fn key_name(key: KeyEvent) -> String {
    let ctrl = if key.modifiers.contains(KeyModifiers::CONTROL) {
        "C-"
    } else {
        ""
    };
    match key.code {
        KeyCode::Char(c) => format!("{ctrl}{c:?}"),
        other => format!("{ctrl}{other:?}"),
    }
}

fn ensure(holds: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if holds { Ok(()) } else { Err(why()) }
}

// A session: the app and the model side by side, checked after every key.

struct Session<'e> {
    edit: &'e Edit,
    app: App,
    model: Model,
    size: (u16, u16),
    /// The matcher's answer per filter: a filter stays for many keys.
    matched: HashMap<String, Vec<(usize, u32)>>,
}

impl<'e> Session<'e> {
    /// A session at 80x24, its first frame drawn and checked.
    fn new(edit: &'e Edit) -> Result<Session<'e>, String> {
        let mut session = Session {
            edit,
            app: App::new(Arc::clone(&edit.book)),
            model: Model::new(),
            size: (80, 24),
            matched: HashMap::new(),
        };
        let before = Before::of(&session.app);
        session.settle(&before, Selection::Kept(before.selected))?;
        Ok(session)
    }

    /// Plays one step; false once the app has quit.
    fn play(&mut self, step: &Step) -> Result<bool, String> {
        match step {
            Step::Key(name) => self.keys(name),
            Step::Budget(i) => {
                let typed = &self.edit.budgets[*i].0;
                self.keys(&format!("b '{typed}' Enter"))
            }
            Step::Resize(width, height) => {
                self.size = (*width, *height);
                let before = Before::of(&self.app);
                self.settle(&before, Selection::Kept(before.selected))?;
                Ok(true)
            }
        }
    }

    fn keys(&mut self, names: &str) -> Result<bool, String> {
        for key in parse_keys(names).expect("the test's key names read back") {
            if !self.press(key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn press(&mut self, event: KeyEvent) -> Result<bool, String> {
        let key = key_name(event);
        let before = Before::of(&self.app);
        let open = format!(
            "overlay {:?}, entry {:?}, filter {:?}",
            self.model.overlay, self.model.prompt, self.model.filter
        );
        let selection = self.model.press(event, &before, self.edit);
        self.app.handle_key(event);
        ensure(self.app.is_running() == self.model.running, || {
            let running = self.app.is_running();
            format!("{key} with {open}: running is {running}, expected the opposite")
        })?;
        if !self.model.running {
            return Ok(false);
        }
        self.model.read_budget(&self.app)?;
        self.settle(&before, selection)
            .map_err(|why| format!("after {key}: {why}"))?;
        Ok(true)
    }

    /// Draws the frame the user would see, then checks what it holds.
    fn settle(&mut self, before: &Before, selection: Selection) -> Result<(), String> {
        let (width, height) = self.size;
        let buffer = render::frame(&mut self.app, &Theme::monochrome(), width, height);
        self.check_state()?;
        self.check_list()?;
        check_selection(&self.app, selection)?;
        // Too small for the panes, the list is not drawn: its rows are a
        // stand-in 1 until a size that fits them again.
        if layout::mode(buffer.area) != Mode::TooSmall {
            check_window(&self.app, before)?;
        }
        check_frame(&buffer, &self.app)?;
        self.check_total_shown(&buffer)
    }

    fn check_state(&self) -> Result<(), String> {
        let (app, model) = (&self.app, &self.model);
        let held = Held {
            overlay: app.overlay(),
            entry: app.prompt().map(|p| (p.kind, p.text.clone())),
            filter: app.filter().to_string(),
            sort: app.sort(),
            budget: app.budget(),
            shortlist: app.shortlist().iter().collect(),
            total: app.shortlist().total(&self.edit.book),
        };
        let expected = Held {
            overlay: model.overlay,
            entry: model.prompt.clone(),
            filter: model.filter.clone(),
            sort: model.sort,
            budget: model.budget,
            shortlist: model.shortlist.clone(),
            total: self.expected_total(),
        };
        ensure(held == expected, || {
            format!("the app holds {held:?}, expected {expected:?}")
        })
    }

    fn expected_total(&self) -> Price {
        let bags = &self.edit.book.bags;
        Price::from_minor(
            self.model
                .shortlist
                .iter()
                .map(|&b| bags[b].price.minor)
                .sum(),
        )
    }

    fn check_list(&mut self) -> Result<(), String> {
        let edit = self.edit;
        let filter = &self.model.filter;
        let matched = self.matched.entry(filter.clone()).or_insert_with(|| {
            let every: Vec<usize> = (0..edit.book.bags.len()).collect();
            if filter.is_empty() {
                every.into_iter().map(|bag| (bag, 0)).collect()
            } else {
                edit.index.matches(filter, &every)
            }
        });
        let expected = listed(edit, matched, &self.model);
        let shown = self.app.visible();
        ensure(shown == expected, || {
            let at = shown
                .iter()
                .zip(&expected)
                .take_while(|(a, b)| a == b)
                .count();
            format!(
                "filter {:?}, budget {:?}, {:?}: lists {} bags, expected {}; first \
                 difference at row {at}: {:?}, expected {:?}",
                self.model.filter,
                self.model.budget,
                self.model.sort,
                shown.len(),
                expected.len(),
                shown.get(at),
                expected.get(at)
            )
        })
    }

    /// The shortlist overlay's last line is its total, in view whenever the
    /// window is tall enough for every picked bag and wide enough to say it.
    fn check_total_shown(&self, buffer: &Buffer) -> Result<(), String> {
        let picked = self.model.shortlist.len();
        let area = buffer.area;
        if self.model.overlay != Some(Overlay::Shortlist)
            || picked == 0
            || layout::mode(area) == Mode::TooSmall
            || area.width < 40
            || usize::from(area.height) < picked + 6
        {
            return Ok(());
        }
        let bags = if picked == 1 { "bag" } else { "bags" };
        let total = self.edit.book.currency.format(self.expected_total());
        let summary = format!("{picked} {bags} · {total}");
        ensure(render::text(buffer).contains(&summary), || {
            format!("the shortlist does not say {summary:?}")
        })
    }
}

fn check_selection(app: &App, selection: Selection) -> Result<(), String> {
    let (selected, cursor) = (app.selected(), app.cursor());
    let (holds, expected) = match selection {
        Selection::Kept(Some(bag)) if app.visible().contains(&bag) => {
            (selected == Some(bag), format!("bag {bag} kept"))
        }
        Selection::Kept(_) => (cursor == 0, "the first bag".to_string()),
        Selection::At(at) => (cursor == at, format!("row {at}")),
        Selection::Bag(bag) => (selected == Some(bag), format!("bag {bag}")),
    };
    ensure(holds, || {
        format!("selected {selected:?} at row {cursor}, expected {expected}")
    })
}

/// The list's window: the selection in view, no blank rows below the last
/// bag, and (over the same bags) moved no further than it takes to show the
/// selection.
fn check_window(app: &App, before: &Before) -> Result<(), String> {
    let (len, cursor, offset, rows) = (
        app.visible().len(),
        app.cursor(),
        app.list_offset(),
        app.list_page(),
    );
    let at = || format!("{len} bags, {rows} rows, cursor {cursor}, offset {offset}");
    if len == 0 {
        return ensure(offset == 0, || format!("an empty list scrolled: {}", at()));
    }
    ensure(offset <= cursor && cursor < offset + rows, || {
        format!("the selection is out of view: {}", at())
    })?;
    let furthest = len.saturating_sub(rows);
    ensure(offset <= furthest, || {
        format!("blank rows below the last bag: {}", at())
    })?;
    // A key that changes the list (a filter, a sort, a bag shown from a
    // look) may select twice, the bag kept and then the one asked for; the
    // rows it moved from are other bags by then, so only a list that stayed
    // the same holds the window to the least move.
    if app.visible() != before.visible {
        return Ok(());
    }
    let was = before.offset.min(furthest);
    let expected = if cursor < was {
        cursor
    } else if cursor >= was + rows {
        cursor + 1 - rows
    } else {
        was
    };
    ensure(offset == expected, || {
        format!(
            "the window moved from {} to {offset}, not {expected}: {}",
            before.offset,
            at()
        )
    })
}

// What the frame shows.

/// A frame is never blank, and a terminal too small for the panes still
/// says how to quit.
fn check_frame(buffer: &Buffer, app: &App) -> Result<(), String> {
    let area = buffer.area;
    if area.is_empty() {
        return Ok(());
    }
    let size = format!("{}x{}", area.width, area.height);
    let text = render::text(buffer);
    ensure(text.chars().any(|c| !c.is_whitespace()), || {
        format!("a blank frame at {size}")
    })?;
    if layout::mode(area) == Mode::TooSmall {
        return ensure(text.contains('q'), || {
            format!("too small at {size} and no word of how to quit")
        });
    }
    let edges = [area.top(), area.bottom() - 1];
    for y in edges {
        ensure(!render::row_text(buffer, area, y).trim().is_empty(), || {
            format!("row {y} (the header or the hints) is blank at {size}")
        })?;
    }
    if app.overlay().is_none() {
        check_list_pane(buffer, app).map_err(|why| format!("at {size}: {why}"))?;
    }
    Ok(())
}

/// When the list pane is on screen: it has the rows the app pages by, fills
/// them while bags are scrolled off above, each row names the bag listed
/// there, and the selection is marked on its row alone, with the
/// shortlist's tick when it is picked.
fn check_list_pane(buffer: &Buffer, app: &App) -> Result<(), String> {
    let Some(pane) = layout::regions(buffer.area, app.focus()).list else {
        return Ok(());
    };
    let inner = pane.inner(Margin::new(1, 1));
    let entry = u16::try_from(app.prompt_rows())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let rows = Rect {
        y: inner.y + entry,
        height: inner.height - entry,
        ..inner
    };
    // Two rows a bag (name, then brand) unless the brand has a column.
    let per_bag = layout::item_rows(pane.width);
    let page = (usize::from(rows.height) / per_bag).max(1);
    ensure(rows.height > 0 && app.list_page() == page, || {
        format!(
            "the list draws {page} bags in {} rows, the app pages by {}",
            rows.height,
            app.list_page()
        )
    })?;
    let (offset, len) = (app.list_offset(), app.visible().len());
    ensure(offset == 0 || offset + page <= len, || {
        format!("blank rows below the last of {len} bags, {offset} scrolled off")
    })?;
    let shown = app.visible().iter().skip(offset).take(page);
    let step = u16::try_from(per_bag).unwrap_or(1);
    for (y, &bag) in (rows.top()..rows.bottom()).step_by(per_bag).zip(shown) {
        check_row(buffer, rows, y, app, bag)?;
        if per_bag == 2 && y + 1 < rows.bottom() {
            check_brand_row(buffer, rows, y + 1, app, bag)?;
        }
    }
    let marked: Vec<u16> = (rows.top()..rows.bottom())
        .filter(|&y| render::row_text(buffer, rows, y).starts_with('▶'))
        .collect();
    let expected: Vec<u16> = app
        .selected()
        .map(|_| rows.top() + u16::try_from(app.cursor() - offset).unwrap_or(u16::MAX) * step)
        .into_iter()
        .collect();
    ensure(marked == expected, || {
        format!("the selection is marked on rows {marked:?}, expected {expected:?}")
    })
}

/// Below a bag's name, its brand (cut short with an ellipsis when it does
/// not fit), indented past the marks.
fn check_brand_row(
    buffer: &Buffer,
    rows: Rect,
    y: u16,
    app: &App,
    bag: usize,
) -> Result<(), String> {
    let text = render::row_text(buffer, rows, y);
    let brand = &app.lookbook().bags[bag].brand;
    let shown = text.strip_prefix("   ").unwrap_or_default().trim_end();
    let named = shown == brand
        || shown
            .strip_suffix('…')
            .is_some_and(|cut| brand.starts_with(cut));
    ensure(named, || {
        format!("row {y} reads {text:?}, not bag {bag}'s brand {brand:?}")
    })
}

/// A row reads: the selection mark, the shortlist's tick, a space, then the
/// name, cut short with an ellipsis when it does not fit.
fn check_row(buffer: &Buffer, rows: Rect, y: u16, app: &App, bag: usize) -> Result<(), String> {
    let text = render::row_text(buffer, rows, y);
    let name = &app.lookbook().bags[bag].name;
    let tick = text.chars().nth(1) == Some('✓');
    let shown: String = text.chars().skip(3).collect();
    let named = shown.starts_with(name.as_str())
        || shown
            .split_once('…')
            .is_some_and(|(cut, _)| name.starts_with(cut));
    ensure(named, || {
        format!("row {y} reads {text:?}, not bag {bag} {name:?}")
    })?;
    ensure(tick == app.shortlist().contains(bag), || {
        format!(
            "row {y} ({name:?}) ticked {tick}, picked {}",
            app.shortlist().contains(bag)
        )
    })
}

// The properties.

/// Sizes from 0x0 to 160x50: every width at the heights where the layout
/// changes, and every height at the widths where it does. All 8,000 sizes
/// in every state would triple the time for little more.
fn sizes() -> Vec<(u16, u16)> {
    const HEIGHTS: [u16; 12] = [0, 1, 5, 9, 10, 11, 12, 13, 16, 24, 37, 50];
    const WIDTHS: [u16; 14] = [0, 1, 29, 30, 31, 45, 59, 60, 61, 80, 119, 120, 121, 160];
    let rows = (0..=160).flat_map(|w| HEIGHTS.map(|h| (w, h)));
    let columns = WIDTHS.iter().flat_map(|&w| (0..=50).map(move |h| (w, h)));
    let mut sizes: Vec<(u16, u16)> = rows.chain(columns).collect();
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// In states that draw different things (overlays, each pane focused, the
/// styling cursor deep in a card, an entry with its error line, picks), the
/// frame at every size shows the selection and a way out.
#[test]
fn every_size_shows_the_selection() {
    let book = Arc::clone(&BUNDLED.book);
    for keys in [
        "",
        "?",
        "i j j",
        "G Tab",
        "Tab Tab j j j j j j",
        "G k Tab Enter Enter",
        "Space j j Space S",
        "/ e",
        "b z Enter",
    ] {
        let keys = parse_keys(keys).expect("known keys");
        for (width, height) in sizes() {
            let mut app = App::new(Arc::clone(&book));
            render::frame(&mut app, &Theme::ansi(), width, height);
            for &key in &keys {
                app.handle_key(key);
            }
            let buffer = render::frame(&mut app, &Theme::ansi(), width, height);
            assert_eq!(buffer.area, Rect::new(0, 0, width, height));
            if let Err(why) = check_frame(&buffer, &app) {
                panic!("{keys:?}: {why}\n{}", render::text(&buffer));
            }
        }
    }
}

fn run(edit: &Edit, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut session = Session::new(edit).map_err(TestCaseError::fail)?;
    for step in steps {
        if !session.play(step).map_err(TestCaseError::fail)? {
            break;
        }
    }
    Ok(())
}

proptest! {
    // 256 cases, proptest's default; PROPTEST_CASES overrides it (the
    // mutation run, which runs this suite once per mutant, uses fewer).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn any_keys_on_the_bundled_edit_show_what_they_should(steps in sequence(&BUNDLED)) {
        run(&BUNDLED, &steps)?;
    }

    #[test]
    fn any_keys_on_a_crowded_edit_show_what_they_should(steps in sequence(&CROWDED)) {
        run(&CROWDED, &steps)?;
    }
}
