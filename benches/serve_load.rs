//! A bounded load test of `spbe-pemdi serve` on loopback: upload-to-result
//! latency (p50, p99, max) of a 47-row XLSX (`fixtures/kemenpanrb-spbe-2024.xlsx`)
//! posted to `/convert` by 1, 8 and 32 concurrent clients, each on its own
//! keep-alive connection, and the process's memory (resident set now and at
//! its peak) after each level. The server runs in this process on the
//! binary's allocator, on a 2-thread runtime; the clients are plain threads.
//!
//! `cargo bench --bench serve_load` (set `SERVE_LOAD_REQUESTS` to change the
//! number of requests per level, 640 by default).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use spbe_pemdi::Lang;
use spbe_pemdi::data::Data;
use spbe_pemdi::serve::{Limits, router};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const BOUNDARY: &str = "spbe-pemdi-load-boundary";

fn body(xlsx: &[u8]) -> Vec<u8> {
    let mut b = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nid\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kemenpanrb-spbe-2024.xlsx\"\r\n\
         Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    )
    .into_bytes();
    b.extend_from_slice(xlsx);
    b.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    b
}

/// Posts the upload and reads the whole answer; returns the status.
fn post(conn: &mut BufReader<TcpStream>, addr: &str, body: &[u8]) -> u16 {
    let head = format!(
        "POST /convert HTTP/1.1\r\nHost: {addr}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    // One write: head and body leave together (no Nagle wait for the tail).
    let mut request = Vec::with_capacity(head.len() + body.len());
    request.extend_from_slice(head.as_bytes());
    request.extend_from_slice(body);
    conn.get_mut().write_all(&request).expect("send");
    let mut line = String::new();
    conn.read_line(&mut line).expect("status line");
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut len = 0usize;
    loop {
        line.clear();
        conn.read_line(&mut line).expect("header");
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            len = v.trim().parse().unwrap_or(0);
        }
    }
    let mut buf = vec![0; len];
    conn.read_exact(&mut buf).expect("body");
    status
}

fn rss_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let requests: usize = std::env::var("SERVE_LOAD_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(640);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let xlsx = std::fs::read(root.join("fixtures/kemenpanrb-spbe-2024.xlsx")).expect("fixture");
    let body = body(&xlsx);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address").to_string();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_io()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let app = router(Data::embedded().expect("data"), Lang::Id, Limits::default());
            axum::serve(listener, app).await.expect("serves");
        });
    });
    // Warm up: converters prepared, templates parsed.
    {
        let mut c = BufReader::new(TcpStream::connect(&addr).expect("connect"));
        for _ in 0..20 {
            assert_eq!(post(&mut c, &addr, &body), 200);
        }
    }
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("serve_load: {requests} uploads of a 47-row XLSX per level, {cores} cores");
    println!("clients  p50 ms  p99 ms  max ms  req/s  failed  RSS MiB  peak RSS MiB");
    for clients in [1usize, 8, 32] {
        let per = requests.div_ceil(clients);
        let start = Instant::now();
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let addr = addr.clone();
                let body = body.clone();
                std::thread::spawn(move || {
                    let s = TcpStream::connect(&addr).expect("connect");
                    s.set_nodelay(true).expect("nodelay");
                    let mut c = BufReader::new(s);
                    let mut times = Vec::with_capacity(per);
                    let mut failed = 0;
                    for _ in 0..per {
                        let t = Instant::now();
                        if post(&mut c, &addr, &body) != 200 {
                            failed += 1;
                        }
                        times.push(t.elapsed());
                    }
                    (times, failed)
                })
            })
            .collect();
        let mut times = Vec::new();
        let mut failed = 0;
        for h in handles {
            let (t, f) = h.join().expect("client");
            times.extend(t);
            failed += f;
        }
        let wall = start.elapsed();
        times.sort();
        let (rss, hwm) = rss_kib();
        println!(
            "{clients:>7}  {:>6}  {:>6}  {:>6}  {:>5.0}  {failed:>6}  {:>7}  {:>12}",
            ms(percentile(&times, 0.50)),
            ms(percentile(&times, 0.99)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            times.len() as f64 / wall.as_secs_f64(),
            rss / 1024,
            hwm / 1024
        );
    }
}
