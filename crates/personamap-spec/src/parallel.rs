//! Data parallelism without a thread pool: [`map`] spreads independent work (files to parse,
//! pages to render or check) over the machine's cores with `std::thread::scope`, and returns
//! the results in input order, so the output never depends on scheduling.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Work left below which [`map`] stays on the calling thread: a thread costs CPU time of its
/// own (a stack, an allocator heap, the scheduler), about a millisecond per run on the
/// reference machine, which a small site (Livepeer's two pages) would spend mostly on starting
/// threads. Whether threads are used changes which thread computes an item, never a result.
const WORTH_THREADS: Duration = Duration::from_millis(4);

/// How many threads [`map`] uses at most: the cores available to this process (read once).
pub fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `items.iter().map(f).collect()`, computed on up to [`threads`] threads (the calling one
/// included), each taking the next item as it finishes one. The calling thread starts alone and
/// calls in the others only once the items left look worth it (their estimated time, from the
/// items done so far, is at least [`WORTH_THREADS`]); only then are the cores counted (which
/// reads the process's cgroup files). Results come back in the order of `items`. A panic in `f`
/// is resumed in the caller with its own payload.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let start = Instant::now();
    let mut first = Vec::with_capacity(items.len());
    while let Some(item) = items.get(first.len()) {
        let done = first.len();
        if done > 0 {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let per_item = start.elapsed() / count(done);
            let left = per_item.checked_mul(count(items.len() - done));
            if left.is_none_or(|left| left >= WORTH_THREADS) {
                break;
            }
        }
        first.push(f(item));
    }
    let threads = threads().min(items.len() - first.len());
    if threads <= 1 {
        first.extend(items[first.len()..].iter().map(f));
        return first;
    }
    let next = AtomicUsize::new(first.len());
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut parts = std::thread::scope(|s| {
        let spawned: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut parts = vec![work()];
        for handle in spawned {
            match handle.join() {
                Ok(part) => parts.push(part),
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        parts
    })
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    parts.sort_unstable_by_key(|(i, _)| *i);
    first.extend(parts.into_iter().map(|(_, r)| r));
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |x| {
            // Uneven work, so that threads finish out of order.
            if x % 7 == 0 {
                std::thread::yield_now();
            }
            x * x
        });
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
        assert_eq!(map(&[] as &[u8], |x| *x), Vec::<u8>::new());
        assert_eq!(map(&[3], |x| x + 1), [4]);
    }

    #[test]
    fn a_panic_keeps_its_message() {
        let items: Vec<u32> = (0..64).collect();
        let payload = std::panic::catch_unwind(|| {
            map(&items, |x| {
                if *x == 40 {
                    panic!("item {x}");
                }
                *x
            })
        })
        .expect_err("it panics");
        assert_eq!(
            payload.downcast_ref::<String>().map(String::as_str),
            Some("item 40")
        );
    }
}
