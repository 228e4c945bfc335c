//! Live reload against a real file and the real watcher: each way an
//! editor saves reaches the app as one reload, and each way a file goes
//! wrong as a problem. Every wait has a deadline; none is a bare sleep.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use lookbook::edit::Reload;
use lookbook::saves::{Watch, watch};

/// Every wait ends by this, pass or fail.
const LIMIT: Duration = Duration::from_secs(10);

const BUNDLED: &str = include_str!("../lookbook.toml");

/// A fresh folder with the bundled edit in it, watched.
struct Folder {
    dir: PathBuf,
    file: PathBuf,
    reloads: Receiver<Reload>,
    _watch: Watch,
}

impl Folder {
    fn new(name: &str) -> Folder {
        let dir =
            std::env::temp_dir().join(format!("lookbook-reload-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a temp dir");
        let file = dir.join("edit.toml");
        fs::write(&file, BUNDLED).expect("written");
        let (sender, reloads) = channel();
        let watch = watch(&file, move |reload| {
            let _ = sender.send(reload);
        })
        .expect("watching");
        Folder {
            dir,
            file,
            reloads,
            _watch: watch,
        }
    }

    /// The next reload; fails the test if none comes in time.
    fn next(&self) -> Reload {
        self.reloads
            .recv_timeout(LIMIT)
            .expect("a reload within the limit")
    }

    /// The next reload, which must be a good one; its first bag's price.
    fn next_loaded(&self) -> u64 {
        match self.next() {
            Reload::Loaded(edit) => edit.lookbook.bags[0].price.minor,
            Reload::Failed(problem) => panic!("a good save failed: {}", problem.details),
        }
    }

    /// The next reload, which must be a problem; its headline.
    fn next_failed(&self) -> String {
        match self.next() {
            Reload::Failed(problem) => problem.headline,
            Reload::Loaded(_) => panic!("a bad save loaded"),
        }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The bundled edit with its first bag at `price` pounds.
fn priced(price: u32) -> String {
    BUNDLED.replacen("price = 195", &format!("price = {price}"), 1)
}

/// As vim and VS Code save: a new file, renamed over the old one.
fn save_by_rename(file: &Path, text: &str) {
    let temp = file.with_extension("toml.swp");
    fs::write(&temp, text).expect("written");
    fs::rename(&temp, file).expect("renamed");
}

#[test]
fn a_write_in_place_and_a_rename_over_both_reload() {
    let folder = Folder::new("saves");
    fs::write(&folder.file, priced(200)).expect("written in place");
    assert_eq!(folder.next_loaded(), 20_000);
    save_by_rename(&folder.file, &priced(210));
    assert_eq!(folder.next_loaded(), 21_000);
}

#[test]
fn a_bad_save_is_a_problem_and_a_fix_a_reload() {
    let folder = Folder::new("bad");
    save_by_rename(
        &folder.file,
        &BUNDLED.replacen("size = \"nano\"", "size = \"tiny\"", 1),
    );
    let headline = folder.next_failed();
    assert!(
        headline.ends_with("edit.toml:39:8 unknown size `tiny`"),
        "{headline}"
    );
    save_by_rename(&folder.file, &priced(195));
    assert_eq!(folder.next_loaded(), 19_500);
}

#[test]
fn a_file_deleted_then_back_and_one_that_turns_into_a_folder() {
    let folder = Folder::new("gone");
    fs::remove_file(&folder.file).expect("deleted");
    let headline = folder.next_failed();
    assert!(
        headline.ends_with("edit.toml is gone; showing the last good edit"),
        "{headline}"
    );
    fs::write(&folder.file, priced(300)).expect("back");
    assert_eq!(folder.next_loaded(), 30_000);

    fs::remove_file(&folder.file).expect("deleted");
    fs::create_dir(&folder.file).expect("a folder in its place");
    // The delete and the new folder may come as one reload or two.
    let mut headline = folder.next_failed();
    if headline.ends_with("is gone; showing the last good edit") {
        headline = folder.next_failed();
    }
    assert!(headline.contains("is a directory"), "{headline}");
}

#[test]
fn other_files_in_the_folder_are_not_a_save() {
    let folder = Folder::new("others");
    fs::write(folder.dir.join("notes.txt"), "not the edit").expect("written");
    fs::write(&folder.file, priced(250)).expect("written in place");
    // The first reload to come is the edit's own.
    assert_eq!(folder.next_loaded(), 25_000);
    assert!(
        folder
            .reloads
            .recv_timeout(Duration::from_millis(400))
            .is_err(),
        "one save, one reload"
    );
}

/// A served folder, through the real watcher: new files join the
/// catalogue, removed ones leave it, a broken new file is logged and left
/// out, and a save reloads its own edit and no other.
#[test]
fn a_served_folder_follows_its_files() {
    use lookbook::library::{self, Catalogue, LiveCatalogue};
    use std::sync::{Arc, Mutex};

    let dir = std::env::temp_dir().join(format!("lookbook-served-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a temp dir");
    fs::write(dir.join("a.toml"), BUNDLED).expect("written");
    fs::write(dir.join("b.toml"), BUNDLED).expect("written");
    let opened = library::open(std::slice::from_ref(&dir)).expect("opens");
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&lines);
    let live = LiveCatalogue::new(opened.catalogue.clone(), move |_, line| {
        log.lock().expect("lock").push(line.to_string());
    });
    let _watches = library::watch(&opened, &live).expect("watching");
    let stems = |catalogue: &Catalogue| -> Vec<String> {
        catalogue.entries().iter().map(|e| e.stem.clone()).collect()
    };
    let until = |what: &str, done: &dyn Fn(&Catalogue) -> bool| {
        let deadline = std::time::Instant::now() + LIMIT;
        while !done(&live.catalogue()) {
            assert!(std::time::Instant::now() < deadline, "never: {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let b_before = Arc::clone(&live.catalogue().get("b").expect("b").latest.edit);

    fs::write(dir.join("c.toml"), priced(300)).expect("written");
    until("c joins", &|c| stems(c) == ["a", "b", "c"]);

    save_by_rename(&dir.join("a.toml"), &priced(200));
    until("a reloads", &|c| {
        c.get("a").expect("a").lookbook().bags[0].price.minor == 20_000
    });
    let now = live.catalogue();
    let b_after = &now.get("b").expect("b").latest.edit;
    assert!(
        Arc::ptr_eq(&b_before, b_after),
        "b is untouched by a's save"
    );

    fs::write(dir.join("d.toml"), "[lookbook]\ntitle = 1\n").expect("written");
    fs::remove_file(dir.join("b.toml")).expect("removed");
    until("b leaves", &|c| stems(c) == ["a", "c"]);
    let logged = lines.lock().expect("lock").join("\n");
    assert!(
        logged.contains("d.toml: "),
        "the broken file is logged:\n{logged}"
    );
    assert!(!stems(&live.catalogue()).contains(&"d".to_string()));
    let _ = fs::remove_dir_all(&dir);
}

/// A served file replaced by a link to a file outside its folder is
/// refused, and nothing of that file is shown: the last good edit stays.
#[cfg(unix)]
#[test]
fn a_file_turned_into_a_link_out_of_its_folder_is_refused() {
    let folder = Folder::new("link-out");
    let outside = folder.dir.with_extension("outside.toml");
    fs::write(&outside, "secret = \"root:x:0:0\"\n").expect("a file outside");
    let link = folder.dir.join("link.toml");
    std::os::unix::fs::symlink(&outside, &link).expect("a link");
    fs::rename(&link, &folder.file).expect("the link put in its place");
    let problem = match folder.next() {
        Reload::Failed(problem) => problem,
        Reload::Loaded(_) => panic!("a link out of the folder loaded"),
    };
    assert!(
        problem
            .headline
            .ends_with("edit.toml leads outside its folder; showing the last good edit"),
        "{}",
        problem.headline
    );
    assert!(!problem.details.contains("root:x"), "{}", problem.details);
    let _ = fs::remove_file(&outside);
}
