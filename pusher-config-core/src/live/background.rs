//! [`Verification`]: the report of a check running on a thread of its own, as a future that
//! any async runtime can await, or a handle to wait on.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread;

use super::{Options, Report};
use crate::PusherConfig;

#[derive(Default)]
struct State {
    report: Option<Report>,
    /// The thread ended without a report (it panicked).
    ended: bool,
    waker: Option<Waker>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    done: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The report of [`super::verify_in_background`], once its thread has it.
///
/// As a [`Future`] it never blocks: `poll` only looks whether the report is there, and the
/// thread wakes the task when it is. [`Verification::wait`] blocks instead, for code outside
/// a runtime. Dropping it lets the thread finish on its own (within the timeouts).
#[must_use = "the report is the point of the check"]
pub struct Verification {
    shared: Arc<Shared>,
}

/// Sets `ended` and wakes the waiter when the thread ends, report or not (a panic).
struct EndGuard(Arc<Shared>);

impl Drop for EndGuard {
    fn drop(&mut self) {
        let waker = {
            let mut state = self.0.lock();
            state.ended = true;
            state.waker.take()
        };
        self.0.done.notify_all();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

pub(super) fn spawn(config: PusherConfig, options: Options) -> Verification {
    let shared = Arc::new(Shared::default());
    let guard = EndGuard(Arc::clone(&shared));
    thread::Builder::new()
        .name("pusher-config-live".into())
        .spawn(move || {
            let report = super::verify(&config, &options);
            guard.0.lock().report = Some(report);
            drop(guard);
        })
        // Like `thread::spawn`: only when the system has no thread to give.
        .expect("failed to spawn the live check's thread");
    Verification { shared }
}

/// The report, or a panic if the thread ended without one.
fn take(state: &mut State) -> Option<Report> {
    match state.report.take() {
        Some(report) => Some(report),
        None if state.ended => panic!("the live check's thread ended without a report"),
        None => None,
    }
}

impl Verification {
    /// Blocks until the report is there (at most about twice the options' timeout).
    ///
    /// # Panics
    ///
    /// If the check's thread panicked.
    pub fn wait(self) -> Report {
        let mut state = self.shared.lock();
        loop {
            if let Some(report) = take(&mut state) {
                return report;
            }
            state = self
                .shared
                .done
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// The report if it is there, without waiting.
    pub fn try_take(&mut self) -> Option<Report> {
        take(&mut self.shared.lock())
    }
}

impl Future for Verification {
    type Output = Report;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Report> {
        let mut state = self.shared.lock();
        match take(&mut state) {
            Some(report) => Poll::Ready(report),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl std::fmt::Debug for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ready = self.shared.lock().report.is_some();
        f.debug_struct("Verification")
            .field("ready", &ready)
            .finish()
    }
}
