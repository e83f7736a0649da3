//! Network I/O bounded by a deadline: name resolution on a thread of its own, connecting,
//! TLS (rustls with ring and the webpki roots), and a stream whose every read and write ends
//! by the deadline.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{mpsc, Arc, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

use super::options::Endpoint;
use super::Outcome;

/// Time left until `deadline`; `TimedOut` once it has passed.
fn left(deadline: Instant) -> io::Result<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|left| !left.is_zero())
        .ok_or_else(|| io::Error::from(io::ErrorKind::TimedOut))
}

/// A TCP stream whose reads and writes each wait at most until the deadline.
pub(super) struct Bounded {
    tcp: TcpStream,
    deadline: Instant,
}

impl Read for Bounded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.tcp.set_read_timeout(Some(left(self.deadline)?))?;
        self.tcp.read(buf)
    }
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tcp.set_write_timeout(Some(left(self.deadline)?))?;
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tcp.flush()
    }
}

/// A connection, plain or TLS.
pub(super) enum Conn {
    Plain(Bounded),
    Tls(Box<StreamOwned<ClientConnection, Bounded>>),
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf),
            Conn::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.write(buf),
            Conn::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.flush(),
            Conn::Tls(s) => s.flush(),
        }
    }
}

/// Whether an I/O error is a timeout (a socket timeout reads as `WouldBlock` on Unix).
pub(super) fn is_timeout(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock
    )
}

/// The outcome of an I/O error on the way to an answer.
pub(super) fn outcome_of_io(err: &io::Error, timeout: Duration) -> Outcome {
    if is_timeout(err) {
        return Outcome::Timeout { after: timeout };
    }
    if let Some(tls) = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return Outcome::Tls {
            why: tls.to_string(),
        };
    }
    let why = match err.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        io::ErrorKind::ConnectionReset => "the connection was reset".to_owned(),
        io::ErrorKind::UnexpectedEof => "the server closed the connection".to_owned(),
        _ => err.to_string(),
    };
    Outcome::Unreachable { why }
}

/// Resolves `endpoint`'s host on a thread of its own (the system resolver has no timeout).
fn resolve(
    endpoint: &Endpoint,
    timeout: Duration,
    deadline: Instant,
) -> Result<Vec<SocketAddr>, Outcome> {
    let wait = left(deadline).map_err(|_| Outcome::Timeout { after: timeout })?;
    let host = endpoint.host().to_owned();
    let port = endpoint.port();
    let (tx, rx) = mpsc::sync_channel(1);
    thread::spawn(move || {
        // The receiver is gone after a timeout: nobody wants the answer any more.
        let _ = tx.send((host.as_str(), port).to_socket_addrs().map(Vec::from_iter));
    });
    match rx.recv_timeout(wait) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(Outcome::Unreachable {
            why: "the host name has no address".into(),
        }),
        Ok(Err(err)) => Err(Outcome::Unreachable {
            why: format!("the host name did not resolve ({err})"),
        }),
        Err(_) => Err(Outcome::Timeout { after: timeout }),
    }
}

/// The TLS client configuration: ring, the webpki roots (Mozilla's), TLS 1.2 and 1.3.
fn tls_config() -> Result<Arc<ClientConfig>, rustls::Error> {
    static CONFIG: OnceLock<Result<Arc<ClientConfig>, rustls::Error>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            // The provider explicitly: the process default may be unset or ambiguous when
            // another crate enables aws-lc-rs.
            let config = ClientConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
            Ok(Arc::new(config))
        })
        .clone()
}

/// Connects to `endpoint` (TLS for `https`, the handshake done) by `deadline`.
pub(super) fn connect(
    endpoint: &Endpoint,
    timeout: Duration,
    deadline: Instant,
) -> Result<Conn, Outcome> {
    let addrs = resolve(endpoint, timeout, deadline)?;
    let mut last = None;
    let mut tcp = None;
    for addr in addrs {
        let Ok(wait) = left(deadline) else { break };
        match TcpStream::connect_timeout(&addr, wait) {
            Ok(stream) => {
                tcp = Some(stream);
                break;
            }
            Err(err) => last = Some(err),
        }
    }
    let Some(tcp) = tcp else {
        return Err(match last {
            Some(err) => outcome_of_io(&err, timeout),
            None => Outcome::Timeout { after: timeout },
        });
    };
    let _ = tcp.set_nodelay(true);
    let bounded = Bounded { tcp, deadline };
    if !endpoint.scheme().is_tls() {
        return Ok(Conn::Plain(bounded));
    }
    let config = tls_config().map_err(|err| Outcome::Tls {
        why: err.to_string(),
    })?;
    let name = ServerName::try_from(endpoint.host().to_owned()).map_err(|err| Outcome::Tls {
        why: format!("not a valid TLS server name ({err})"),
    })?;
    let connection = ClientConnection::new(config, name).map_err(|err| Outcome::Tls {
        why: err.to_string(),
    })?;
    let mut stream = StreamOwned::new(connection, bounded);
    while stream.conn.is_handshaking() {
        if let Err(err) = stream.conn.complete_io(&mut stream.sock) {
            return Err(match outcome_of_io(&err, timeout) {
                Outcome::Unreachable { why } => Outcome::Tls { why },
                outcome => outcome,
            });
        }
    }
    Ok(Conn::Tls(Box::new(stream)))
}
