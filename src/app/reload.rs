//! The edit changing under the app, as its author saves the file: a good
//! save replaces the edit and the user keeps their place (by id: the
//! selected bag, the look, the shortlist); a bad one leaves the last good
//! edit on screen and says what is wrong with the file. Time comes from the
//! transport (`now`), so the core stays free of clocks.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{App, Overlay, Stop};
use crate::edit::{Edit, Latest, Problem, Reload};
use crate::lookbook::Lookbook;
use crate::scroll::Scroll;
use crate::words::count;

/// How long a notice stays up.
pub const NOTICE_FOR: Duration = Duration::from_secs(4);

impl App {
    /// A new session's app on `latest`.
    pub fn on_latest(latest: &Latest) -> App {
        let mut app = App::on(Arc::clone(&latest.edit));
        // Only a problem to take in: the edit is this one already.
        let _ = app.bring_to(latest, Instant::now());
        app
    }

    /// Brings the app to `latest`, keeping its place; returns the app as
    /// it was when the edit changed (see [`App::reload`]).
    pub fn bring_to(&mut self, latest: &Latest, now: Instant) -> Option<App> {
        let mut old = None;
        if !Arc::ptr_eq(self.edit(), &latest.edit) {
            old = self.reload(Reload::Loaded(Arc::clone(&latest.edit)), now);
        }
        if let Some(problem) = &latest.problem
            && self.problem() != Some(problem)
        {
            let _ = self.reload(Reload::Failed(problem.clone()), now);
        }
        old
    }
}

/// A short message that goes by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    until: Instant,
}

impl App {
    /// Takes in what the watcher found, at `now`. After a good save,
    /// returns the app as it was, old edit and all: freeing a big edit
    /// takes tens of milliseconds, which a transport spends off the key
    /// path.
    #[must_use = "drop the old app off the key path"]
    pub fn reload(&mut self, reload: Reload, now: Instant) -> Option<App> {
        match reload {
            Reload::Loaded(edit) => {
                let (dropped, old) = self.replace_edit(edit);
                self.problem = None;
                if self.overlay == Some(Overlay::Errors) {
                    self.overlay = None;
                }
                let mut text = format!(
                    "reloaded · {}, {}",
                    self.edit
                        .lookbook
                        .nouns
                        .count(self.edit.lookbook.bags.len()),
                    count(self.edit.lookbook.looks.len(), "look")
                );
                if dropped > 0 {
                    text.push_str(&format!(
                        " · {dropped} gone {} left the shortlist",
                        self.edit.lookbook.nouns.of(dropped)
                    ));
                }
                self.notice = Some(Notice {
                    text,
                    until: now + NOTICE_FOR,
                });
                Some(old)
            }
            Reload::Failed(problem) => {
                self.problem = Some(problem);
                None
            }
        }
    }

    /// What is wrong with the file on disk, if anything.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// The notice to show now, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Lets time pass: a notice whose time is up goes. Whether the screen
    /// changed.
    pub fn tick(&mut self, now: Instant) -> bool {
        let expired = self.notice.as_ref().is_some_and(|n| now >= n.until);
        if expired {
            self.notice = None;
        }
        expired
    }

    /// When [`App::tick`] next has something to do.
    pub fn next_tick(&self) -> Option<Instant> {
        self.notice.as_ref().map(|n| n.until)
    }

    /// Replaces the edit, keeping the user's place by id; returns how many
    /// shortlisted bags are no longer in the edit (they drop out), and the
    /// app as it was.
    fn replace_edit(&mut self, edit: Arc<Edit>) -> (usize, App) {
        // Every field is named, none left to `..`: a field added to the app
        // is carried over, translated to the new edit, or left behind on
        // purpose here, or this does not compile.
        let App {
            edit: old_edit,
            size,
            focus,
            query,
            listing: old_listing,
            list,
            prompt,
            shortlist,
            detail,
            // Where the last frame drew photos: the next frame says anew.
            photos: _,
            styling,
            overlay,
            overlay_view,
            running,
            // The caller's to settle: a good save clears it.
            problem: _,
            notice,
        } = &*self;
        let old = Arc::clone(&old_edit.lookbook);
        let lookbook = Arc::clone(&edit.lookbook);
        let bags: HashMap<&str, usize> = lookbook
            .bags
            .iter()
            .enumerate()
            .map(|(i, bag)| (bag.id.as_str(), i))
            .collect();
        let bag_in_new = |bag: usize| bags.get(old.bags[bag].id.as_str()).copied();

        let mut fresh = App::on(edit);
        fresh.resize(size.0, size.1);
        fresh.focus = *focus;
        fresh.running = *running;
        fresh.notice.clone_from(notice);
        fresh.set_query(|q| q.clone_from(query));
        fresh.prompt.clone_from(prompt);
        fresh.fit_list();

        // The selected bag, or the nearest one still listed: after it in
        // the old list, then before it.
        let cursor = list.cursor();
        let old_visible = &old_listing.visible;
        let after = old_visible.iter().skip(cursor);
        let before = old_visible.iter().take(cursor).rev();
        let position = |bag: usize| fresh.listing.visible.iter().position(|&b| b == bag);
        let kept = after
            .chain(before)
            .filter_map(|&bag| bag_in_new(bag))
            .find_map(position);
        fresh.list.restore(kept.unwrap_or(cursor), list.offset());
        if self.selected().and_then(bag_in_new) == fresh.selected() && fresh.selected().is_some() {
            fresh.detail = *detail;
        }

        let mut dropped = 0;
        for bag in shortlist.iter() {
            match bag_in_new(bag) {
                Some(bag) => fresh.shortlist.toggle(bag),
                None => dropped += 1,
            }
        }

        if let Some(stop) = self
            .styling_stop()
            .and_then(|s| stop_in(&old, &lookbook, s))
        {
            let index = fresh.stop_index(stop);
            fresh.styling.restore(index, styling.offset());
        }

        fresh.overlay = *overlay;
        fresh.overlay_view = match overlay {
            Some(Overlay::Shortlist) => {
                let mut view = *overlay_view;
                view.resize(fresh.shortlist.len(), view.viewport());
                view
            }
            Some(_) => *overlay_view,
            None => Scroll::default(),
        };
        (dropped, std::mem::replace(self, fresh))
    }
}

/// Where a styling stop is in the new edit, by the look's id (a pair that
/// is gone becomes its look's card).
fn stop_in(old: &Lookbook, new: &Lookbook, stop: Stop) -> Option<Stop> {
    let (look, pair) = match stop {
        Stop::Look(look) => (look, None),
        Stop::Pair { look, pair } => (look, Some(pair)),
    };
    let id = &old.looks[look].id;
    let look = new.looks.iter().position(|l| &l.id == id)?;
    Some(match pair {
        Some(pair) if pair < new.looks[look].pairs.len() => Stop::Pair { look, pair },
        _ => Stop::Look(look),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{app, press};
    use crate::lookbook::{BUNDLED, LoadError, parse};

    /// The bundled edit with `change` made to its text.
    fn edit(change: impl FnOnce(String) -> String) -> Reload {
        let source = change(BUNDLED.to_string());
        Reload::loaded(parse(&source, "edit.toml").expect("a good edit"))
    }

    /// The bundled edit without the bag `id`'s table.
    fn without(id: &str) -> Reload {
        edit(|source| {
            let start = source
                .find(&format!("[[bag]]\nid = \"{id}\""))
                .expect("the bag");
            let end = start + 1 + source[start + 1..].find("\n[[").expect("a next table");
            format!("{}{}", &source[..start], &source[end + 1..])
        })
    }

    fn selected_id(app: &App) -> &str {
        app.selected()
            .map_or("(none)", |bag| app.lookbook().bags[bag].id.as_str())
    }

    fn shortlisted(app: &App) -> Vec<String> {
        let bags = &app.lookbook().bags;
        app.shortlist().iter().map(|b| bags[b].id.clone()).collect()
    }

    #[test]
    fn a_good_save_keeps_the_place_by_id() {
        let mut app = app();
        // Sorted by price, two picks, the Le Chiquito selected, detail focus.
        press(&mut app, "s j j Space j j Space Enter");
        let (sort, picked) = (app.sort(), shortlisted(&app));
        let selected = selected_id(&app).to_string();
        let now = Instant::now();
        // A new bag first in the file moves every index by one.
        let _ = app.reload(
            edit(|s| {
                s.replacen(
                    "[[bag]]",
                    "[[bag]]\nid = \"new\"\nname = \"New bag\"\nbrand = \"B\"\nretailer = \"R\"\nprice = 1\nsize = \"mini\"\n\n[[bag]]",
                    1,
                )
            }),
            now,
        );
        assert_eq!(app.lookbook().bags.len(), 9);
        assert_eq!(selected_id(&app), selected);
        assert_eq!((app.sort(), shortlisted(&app)), (sort, picked));
        assert_eq!(app.focus(), crate::app::Pane::Detail);
        assert_eq!(app.notice(), Some("reloaded · 9 bags, 2 looks"));
        assert!(!app.tick(now + NOTICE_FOR / 2));
        assert!(app.tick(now + NOTICE_FOR));
        assert_eq!(app.notice(), None);
    }

    #[test]
    fn a_selected_bag_that_left_gives_way_to_the_next_and_leaves_the_shortlist() {
        let mut app = app();
        press(&mut app, "j j j j Space j Space k");
        assert_eq!(selected_id(&app), "arket-crossbody");
        let _ = app.reload(without("arket-crossbody"), Instant::now());
        assert_eq!(selected_id(&app), "bow-mini", "the one after it");
        assert_eq!(shortlisted(&app), ["bow-mini"]);
        assert_eq!(
            app.notice(),
            Some("reloaded · 7 bags, 2 looks · 1 gone bag left the shortlist")
        );
    }

    #[test]
    fn the_filter_and_the_look_survive() {
        let mut app = app();
        press(&mut app, "/ m i c r o");
        assert_eq!(app.filter(), "micro", "typed");
        press(&mut app, "Enter");
        assert_eq!(app.filter(), "micro", "kept");
        let listed = app.visible().len();
        press(&mut app, "Tab Tab Enter j");
        assert_eq!(app.filter(), "micro");
        let stop = app.styling_stop();
        let _ = app.reload(
            edit(|s| s.replace("price = 650", "price = 640")),
            Instant::now(),
        );
        assert_eq!(app.filter(), "micro");
        assert_eq!(app.visible().len(), listed);
        assert_eq!(app.styling_stop(), stop);
        assert_eq!(app.focus(), crate::app::Pane::Styling);
    }

    #[test]
    fn a_bad_save_keeps_the_edit_and_says_why_until_a_good_one() {
        let mut app = app();
        press(&mut app, "j");
        let source = BUNDLED.replacen("size = \"nano\"", "size = \"tiny\"", 1);
        let Err(report) = parse(&source, "edit.toml") else {
            panic!("a bad edit");
        };
        let problem = Problem::from_load_error(&LoadError::Invalid(Box::new(report)));
        assert!(
            problem.headline.starts_with("edit.toml:39:8 "),
            "{}",
            problem.headline
        );
        assert_eq!(problem.more, 0);
        assert_eq!(
            problem.summary,
            "edit.toml: 1 error (first: 39:8 unknown size `tiny`)"
        );
        let _ = app.reload(Reload::Failed(problem.clone()), Instant::now());
        assert_eq!(app.problem(), Some(&problem));
        assert_eq!(selected_id(&app), "first-nano", "the last good edit stays");
        press(&mut app, "e");
        assert_eq!(app.overlay(), Some(Overlay::Errors));
        let _ = app.reload(edit(|s| s), Instant::now());
        assert_eq!(app.problem(), None);
        assert_eq!(app.overlay(), None, "nothing left to show");
        press(&mut app, "e");
        assert_eq!(app.overlay(), None, "e does nothing without errors");
    }

    #[test]
    fn a_gone_file_says_so() {
        let problem = Problem::gone("edit.toml");
        assert_eq!(
            problem.headline,
            "edit.toml is gone; showing the last good edit"
        );
        let file = LoadError::File {
            path: "edit.toml".into(),
            reason: crate::lookbook::FileError::Directory,
        };
        assert_eq!(
            Problem::from_load_error(&file).headline,
            "edit.toml: is a directory, expected a lookbook .toml file"
        );
    }
}
