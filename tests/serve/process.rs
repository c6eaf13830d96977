//! The `serve` process: its address, binding warnings, ZIP bombs, external index values from the form.

use super::*;

/// Starts `spbe-pemdi serve` with `args`; returns the child and the first
/// line it printed.
fn spawn_serve(args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_spbe-pemdi"))
        .arg("serve")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    (child, line)
}

/// A plain GET over a socket; returns the status line.
fn status_line(url: &str) -> String {
    use std::io::{BufRead, Write};
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut s = std::net::TcpStream::connect(&host).expect("connects");
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut line = String::new();
    std::io::BufReader::new(s)
        .read_line(&mut line)
        .expect("answer");
    line.trim_end().to_string()
}

/// Also pins a bug: the server died (broken pipe) when whoever started it
/// read the address and closed its standard output, as this test does.
#[test]
fn serve_prints_the_address_to_open_and_warns_when_not_on_loopback() {
    // Loopback: the address, no warning.
    let (mut child, line) = spawn_serve(&["--listen", "127.0.0.1:0"]);
    let url = line
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        line.starts_with("spbe-pemdi serve: buka di peramban http://127.0.0.1:"),
        "{line}"
    );
    assert_eq!(status_line(&url), "HTTP/1.1 200 OK");
    child.kill().expect("stopped");
    let out = child.wait_with_output().expect("ended");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "no warning on loopback"
    );
    // Every address: a warning that the page has no login.
    let (mut child, line) = spawn_serve(&["--listen", "0.0.0.0:0", "--lang", "en"]);
    let url = line
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        line.starts_with("spbe-pemdi serve: open in a browser http://127.0.0.1:"),
        "{line}"
    );
    assert_eq!(status_line(&url), "HTTP/1.1 200 OK");
    child.kill().expect("stopped");
    let out = child.wait_with_output().expect("ended");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("WARNING: "), "{err}");
    assert!(err.contains("NO login"), "{err}");
}

#[test]
fn serve_on_an_address_it_cannot_use_exits_2_with_a_hint() {
    let r = crate::util::run(&["serve", "--listen", "bukan-alamat"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--listen `bukan-alamat`"), "{}", r.stderr);
    assert!(r.stderr.contains("127.0.0.1:8081"), "{}", r.stderr);
}

/// A ZIP that unpacks to more than the file limit (a "ZIP bomb": 11 MB of
/// zeros in a few kilobytes) is refused with 413; no more than the limit is
/// ever unpacked.
#[test]
fn a_zip_bomb_is_refused_with_413() {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("nol.csv", opts).expect("zip");
    z.write_all(&vec![b'0'; 11 * 1000 * 1000]).expect("zip");
    let bomb = z.finish().expect("zip").into_inner();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let a = post(&app(), "/batch", &[], &[("files", "bom.zip", bomb)]);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", a.text());
    assert!(
        a.text()
            .contains("bom.zip&#x2f;nol.csv lebih besar dari 10 MB"),
        "{}",
        a.text()
    );
}

/// External index values typed in the form, Indonesian style
/// (`sdi=68,75; sjig=2,1`), fill the external indicators as `--external` does.
#[test]
fn external_index_values_from_the_form_are_used() {
    let data = data();
    let bytes = fixture_bytes("aceh-tengah-spbe-2025.json");
    let asm = spbe_pemdi::assessment::read_bytes("a.json", bytes.clone(), &data.catalog, None)
        .expect("reads");
    let opts = ConvertOptions {
        external: spbe_pemdi::score::external::parse_arg("sdi=68.75,sjig=2.1").expect("parses"),
        ..ConvertOptions::default()
    };
    let conv = Converter::new(&data, &asm.framework, &opts)
        .expect("path")
        .convert(&asm)
        .expect("converts");
    let body = web_report_body(&conv);
    let body = body.as_str();
    let plain = post(
        &app(),
        "/convert",
        &[],
        &[("file", "a.json", bytes.clone())],
    );
    assert!(!plain.text().contains(body), "the values change the report");
    let a = post(
        &app(),
        "/convert",
        &[("external", "sdi=68,75; sjig=2,1")],
        &[("file", "a.json", bytes)],
    );
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert!(
        a.text().contains(body),
        "the report with the external values"
    );
    let b = post(
        &app(),
        "/convert",
        &[("external", "sdi=banyak")],
        &[(
            "file",
            "a.json",
            fixture_bytes("aceh-tengah-spbe-2025.json"),
        )],
    );
    assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", b.text());
}
