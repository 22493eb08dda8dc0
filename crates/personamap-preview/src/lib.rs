//! `personamap preview`: every page the spec generates, served on 127.0.0.1 as HTML close to
//! what Mintlify shows, its maps drawn in the browser by the embedded, pinned Mermaid and ELK
//! layout, and updated in place (no reload) a moment after each save.
//!
//! IO lives at the edges: [`compile`] (the spec on disk → pages and diagnostics) and [`watch`]
//! (file events). [`html`] is pure; [`server`] routes and streams.

pub mod assets;
pub mod compile;
pub mod html;
pub mod server;
pub mod watch;

use compile::Builder;
use server::{AppState, Shown};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// How long [`Running::stop`] waits for the server's thread to end.
pub const STOP_WAIT: Duration = Duration::from_secs(60);

/// What to serve, and how.
#[derive(Clone)]
pub struct Options {
    /// Site root (holds docs.json and personas/).
    pub root: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Also write the outputs that changed, as `generate` does, after each compile.
    pub write: bool,
}

/// The compile state shared by the first compile and the rebuilds (one at a time).
type Shared = Arc<std::sync::Mutex<Builder>>;

/// A preview server running on its own thread.
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// The thread's result, sent as it ends (disconnected if it panicked).
    ended: Option<mpsc::Receiver<Result<(), String>>>,
}

impl Running {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops it: open event streams end, then the thread returns. A thread still running after
    /// [`STOP_WAIT`] is left behind, and that is an error.
    pub fn stop(mut self) -> Result<(), String> {
        self.finish()
    }

    fn finish(&mut self) -> Result<(), String> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.ended.take() {
            Some(ended) => match ended.recv_timeout(STOP_WAIT) {
                Ok(result) => result,
                Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
                    "the preview server did not stop within {} s",
                    STOP_WAIT.as_secs()
                )),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    Err("the preview server panicked".to_string())
                }
            },
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Binds 127.0.0.1 (only) and compiles once.
fn prepare(options: &Options) -> Result<(TcpListener, Shown, Shared), String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let builder = Arc::new(std::sync::Mutex::new(Builder::new(&options.root)));
    let first = rebuild(options, &builder, &Shown::default(), Instant::now());
    Ok((listener, first, builder))
}

/// Starts a server on its own thread (for tests and embedding); it stops on [`Running::stop`]
/// or when dropped.
pub fn start(options: Options) -> Result<Running, String> {
    let (listener, first, builder) = prepare(&options)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (end, ended) = mpsc::channel();
    std::thread::spawn(move || {
        let result = runtime().and_then(|runtime| {
            runtime.block_on(serve(listener, options, builder, first, async {
                let _ = stopped.await;
            }))
        });
        let _ = end.send(result);
    });
    Ok(Running {
        addr,
        stop: Some(stop),
        ended: Some(ended),
    })
}

/// Serves until Ctrl-C (SIGINT) or SIGTERM, printing the URL first (and opening it in the
/// browser with `open`). The signals are caught from before the URL is printed.
pub fn run(options: Options, open: bool) -> Result<(), String> {
    let (listener, first, builder) = prepare(&options)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let runtime = runtime()?;
    runtime.block_on(async move {
        let stop = signals()?;
        let url = format!("http://{addr}/");
        println!("personamap preview: {url} (Ctrl-C stops it)");
        if open {
            open_browser(&url);
        }
        serve(listener, options, builder, first, stop).await
    })
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))
}

/// Catches Ctrl-C (SIGINT), and SIGTERM on Unix, from now on; the future ends at the first.
#[cfg(unix)]
fn signals() -> Result<impl Future<Output = ()> + Send + 'static, String> {
    use tokio::signal::unix::{SignalKind, signal};
    let catch = |kind| signal(kind).map_err(|e| format!("cannot catch signals: {e}"));
    let mut interrupt = catch(SignalKind::interrupt())?;
    let mut terminate = catch(SignalKind::terminate())?;
    Ok(async move {
        let a = Box::pin(interrupt.recv());
        let b = Box::pin(terminate.recv());
        futures_util::future::select(a, b).await;
    })
}

/// Catches Ctrl-C from now on; the future ends at the first.
#[cfg(not(unix))]
fn signals() -> Result<impl Future<Output = ()> + Send + 'static, String> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

/// Opens `url` with the desktop's opener; a failure is only reported.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    match std::process::Command::new(opener).arg(url).spawn() {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!("personamap preview: cannot run {opener}: {e}; open {url}"),
    }
}

/// Compiles, prints one line (and the errors), and returns what to show next.
fn rebuild(options: &Options, builder: &Shared, previous: &Shown, started: Instant) -> Shown {
    // A rebuild that panicked (a compiler bug) leaves the memos as they were: keep going.
    let snapshot = builder
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .compile(options.write);
    let next = Shown::next(previous, &snapshot);
    for line in &snapshot.written {
        println!("{line}");
    }
    for d in next.errors.iter() {
        eprintln!(
            "error[{}] {}{}",
            d.rule,
            d.place
                .as_deref()
                .map(|p| format!("{p}: "))
                .unwrap_or_default(),
            d.message
        );
    }
    let warnings = snapshot.diagnostics.iter().filter(|d| !d.error).count();
    println!(
        "personamap preview: {} page(s), {} error(s), {} warning(s) ({} ms)",
        snapshot.pages.len(),
        next.errors.len(),
        warnings,
        started.elapsed().as_millis()
    );
    next
}

async fn serve(
    listener: TcpListener,
    options: Options,
    builder: Shared,
    first: Shown,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
    let (mut watching, mut events) = watch::start(&options.root)?;
    let (tx, rx) = tokio::sync::watch::channel(Arc::new(first));
    // Rebuilds after each burst of file events; holds the only sender, so aborting it ends
    // every event stream (and drops the watch). After each compile it follows the files that
    // compile read (a hand-written divider snippet).
    let follow = |watching: &mut watch::Watching, builder: &Shared| {
        let read: Vec<String> = builder
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .read_files()
            .map(str::to_string)
            .collect();
        watching.follow(read.iter().map(String::as_str));
    };
    follow(&mut watching, &builder);
    let rebuilds = tokio::spawn(async move {
        // Each event sets the wait for the rest of its burst (see `watch`).
        while let Some(mut wait) = events.recv().await {
            let started = Instant::now();
            loop {
                match tokio::time::timeout(wait, events.recv()).await {
                    Ok(Some(next)) => wait = next,
                    Ok(None) => return,
                    Err(_) => break,
                }
            }
            let previous = tx.borrow().clone();
            let options = options.clone();
            let shared = builder.clone();
            let next =
                tokio::task::spawn_blocking(move || rebuild(&options, &shared, &previous, started))
                    .await;
            if let Ok(next) = next {
                tx.send_replace(Arc::new(next));
            }
            follow(&mut watching, &builder);
        }
    });
    let abort = rebuilds.abort_handle();
    axum::serve(listener, server::router(AppState { shown: rx }))
        .with_graceful_shutdown(async move {
            shutdown.await;
            abort.abort();
        })
        .await
        .map_err(|e| e.to_string())
}
