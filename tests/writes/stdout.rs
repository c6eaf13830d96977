//! Standard output and error (item 5): write errors exit 4 with a message; a broken
//! pipe ends quietly; an unwritable standard error never aborts.

use super::*;

#[test]
fn a_write_error_on_standard_output_exits_4() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists here");
    let out = Command::new(BIN)
        .args([
            "gaps",
            f.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let help = Command::new(BIN)
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(4), "--help to a full disk");
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let f = fixture("aceh-tengah-spbe-2025.json");
    let mut child = Command::new(BIN)
        .args(["gaps", f.to_str().unwrap(), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reading end closes before the command writes: a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_exits_4() {
    use std::os::unix::process::CommandExt;
    let f = fixture("aceh-tengah-spbe-2025.json");
    let mut cmd = Command::new(BIN);
    cmd.args(["score", f.to_str().unwrap(), "--lang", "en"]);
    // SAFETY: close(2) is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::close(1);
            Ok(())
        });
    }
    let out = cmd.stderr(Stdio::piped()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("standard output (closed)"), "{stderr}");
    // Output sent to /dev/null on purpose is no error.
    let tmp = tempfile::tempdir().unwrap();
    let script = format!("\"$BIN\" score '{}' > /dev/null", f.display());
    let out = sh(tmp.path(), &script);
    assert_eq!(out.status.code(), Some(0));
    let quiet = Command::new(BIN)
        .args(["score", f.to_str().unwrap()])
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    // Nor a read-write /dev/null, as Python's subprocess.DEVNULL and
    // `1<>/dev/null` give it (what the runtime leaves for a closed one).
    let script = format!("\"$BIN\" score '{}' 1<>/dev/null", f.display());
    let out = sh(tmp.path(), &script);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_full_disk_under_standard_output_exits_4() {
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    // 8 blocks (4 or 8 KiB) of a report of about 40 KB; SIGXFSZ ignored so
    // that the write fails with EFBIG.
    let script = format!(
        "trap '' XFSZ; ulimit -f 8 && \"$BIN\" gaps '{}' --format json --lang en > out.json",
        f.display()
    );
    let out = sh(tmp.path(), &script);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}

#[test]
fn an_unwritable_standard_error_does_not_abort() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full exists here")
    };
    // An error to report (exit 3) and a note (exit 0), stderr unwritable.
    let missing = Command::new(BIN)
        .args(["score", "no-such-file.json"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(3));
    let tmp = tempfile::tempdir().unwrap();
    let f = fixture("aceh-tengah-spbe-2025.json");
    let ok = Command::new(BIN)
        .args(["gaps", f.to_str().unwrap(), "-o"])
        .arg(tmp.path().join("r.md"))
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let batch = Command::new(BIN)
        .args(["batch", f.to_str().unwrap(), "no-such-file.json", "-o"])
        .arg(tmp.path().join("b"))
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(batch.status.code(), Some(1));
}
