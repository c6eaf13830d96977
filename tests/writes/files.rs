//! Files on disk: races on `-o` (item 9), temporary files after a kill, hard links,
//! permissions and symbolic links (item 18).

use super::*;

#[test]
fn of_parallel_writers_without_force_exactly_one_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let children: Vec<_> = (0..20)
        .map(|_| {
            Command::new(BIN)
                .args(["gaps", f.to_str().unwrap(), "-o", "same.md"])
                .current_dir(tmp.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().unwrap().code().unwrap_or(-1))
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 0 || *c == 4), "{codes:?}");
}

#[test]
fn a_file_that_appears_while_writing_is_not_replaced_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.md");
    let mut pending = PendingFile::new(&path).unwrap();
    std::io::Write::write_all(&mut pending, b"mine").unwrap();
    std::fs::write(&path, "theirs").unwrap();
    let err = pending.commit_new().expect_err("it exists");
    assert_eq!(err.exit_code(), 4);
    assert_eq!(read(&path), "theirs");
    let left: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left, [path], "no temporary file left");
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    // The id of a process that has ended.
    let mut child = Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    let dead = child.id();
    let host: String = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap_or_default()
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
        .collect();
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    let make = |name: String, old: bool| {
        let p = tmp.path().join(name);
        let f = std::fs::File::create(&p).unwrap();
        if old {
            f.set_modified(minutes_ago).unwrap();
        }
        p
    };
    let killed = make(format!(".spbe-pemdi-{host}-{dead}-aaaaaa.tmp"), true);
    let just_now = make(format!(".spbe-pemdi-{host}-{dead}-bbbbbb.tmp"), false);
    let me = std::process::id();
    let running = make(format!(".spbe-pemdi-{host}-{me}-cccccc.tmp"), true);
    let elsewhere = make(format!(".spbe-pemdi-lain.host-{dead}-dddddd.tmp"), true);
    let other = make(".lain-aaaaaa.tmp".to_string(), true);
    let f = fixture("aceh-tengah-spbe-2025.json");
    let r = run_in(tmp.path(), &["gaps", f.to_str().unwrap(), "-o", "r.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    if !host.is_empty() && Path::new("/proc/self").exists() {
        assert!(!killed.exists(), "the killed run's file is removed");
    }
    assert!(
        just_now.exists(),
        "a grace for processes this one cannot see"
    );
    assert!(running.exists(), "a running process's file stays");
    assert!(elsewhere.exists(), "another machine's file stays a day");
    assert!(other.exists(), "not ours");
}

#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_nothing_the_next_run_keeps() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..300 {
        std::fs::copy(
            fixture("aceh-tengah-spbe-2025.json"),
            input.join(format!("a-{i:03}.json")),
        )
        .unwrap();
    }
    let mut child = Command::new(BIN)
        .args(["batch", "in", "-o", "out", "--format", "html", "--quiet"])
        .current_dir(tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed (SIGKILL) once it has started writing.
    let out = tmp.path().join("out");
    let started = std::time::Instant::now();
    while !out.join("a-000.html").exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let temps = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".tmp"))
            .collect()
    };
    let left = temps(&out);
    // Made stale (older than the grace), then a new run in that folder.
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    for t in &left {
        std::fs::File::options()
            .write(true)
            .open(t)
            .unwrap()
            .set_modified(minutes_ago)
            .unwrap();
    }
    let r = run_in(
        tmp.path(),
        &["batch", "in", "-o", "out", "--format", "html", "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    if Path::new("/proc/self").exists() {
        assert_eq!(temps(&out), Vec::<PathBuf>::new(), "left before: {left:?}");
    }
}

#[cfg(unix)]
#[test]
fn output_onto_a_hard_link_of_the_input_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.json");
    std::fs::copy(fixture("aceh-tengah-spbe-2025.json"), &input).unwrap();
    std::fs::hard_link(&input, tmp.path().join("b.md")).unwrap();
    let before = std::fs::read(&input).unwrap();
    let r = run_in(
        tmp.path(),
        &["gaps", "a.json", "-o", "b.md", "--force", "--lang", "en"],
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("input file"), "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn force_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let r = run_in(
        tmp.path(),
        &["gaps", f.to_str().unwrap(), "-o", "r.md", "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(read(&out), "old");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[cfg(unix)]
#[test]
fn mapping_fmt_writes_through_a_symlinked_data_file() {
    let name = "spbe-2018-to-spbe-2020.json";
    let text = std::fs::read_to_string(crate::util::root().join("mappings/crosswalks").join(name))
        .unwrap();
    let dir = crate::util::temp_data_dir(&[]);
    // The real file elsewhere, not canonical (one line); a link to it.
    let real = dir.path().join("elsewhere.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    std::fs::write(&real, v.to_string()).unwrap();
    let link = dir.path().join("data/crosswalks").join(name);
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let r = run_in(dir.path(), &["--data", "data", "mapping", "fmt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        read(&real),
        text,
        "the target is rewritten in canonical form"
    );
}
