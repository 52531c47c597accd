//! The origin check that completes tower-http's CSRF layer. That layer compares an `Origin` with the request's
//! `Host` and ignores the scheme: `Origin: https://host` passes a plain-http server, and a client that forges
//! `Host` to match its `Origin` passes too. Here a state-changing request's `Origin` must be the server's own:
//! the configured public origin if there is one (`--public-url`), else the request's host with the scheme the
//! server is reached by (https when `--secure-cookies` says it is behind HTTPS).

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::platform::{Platform, Settings};

/// A configured public URL as the `Origin` browsers send for it: `scheme://host[:port]`, lower-cased, without
/// a default port or trailing slash. Anything else (a path, a query, another scheme) is refused at start.
pub fn public_origin(url: &str) -> anyhow::Result<String> {
    let uri: Uri = url.trim().parse()?;
    let scheme = uri.scheme_str().filter(|s| matches!(*s, "http" | "https"));
    let (Some(scheme), Some(authority)) = (scheme, uri.authority()) else {
        anyhow::bail!("the public URL must be http(s)://host[:port]: {url}");
    };
    anyhow::ensure!(
        matches!(uri.path(), "" | "/") && uri.query().is_none() && !authority.as_str().contains('@'),
        "the public URL is an origin, without path, query or user: {url}"
    );
    let default_port = if scheme == "https" { 443 } else { 80 };
    let host = authority.host().to_ascii_lowercase();
    Ok(match authority.port_u16().filter(|p| *p != default_port) {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Refuses a state-changing request whose `Origin` is not the server's own (see the module documentation). A
/// request without `Origin`, or with the opaque `null`, is left to the CSRF layer and its `Sec-Fetch-Site` rule.
/// The refusal is a bare 403, which `localize_errors` explains like the CSRF layer's.
pub async fn check_origin(State(state): State<Platform>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let origin = request.headers().get(header::ORIGIN).map(|v| v.as_bytes());
    match origin {
        Some(origin) if !safe && !origin.is_empty() && origin != b"null" => {
            if expected_origin(&request, &state.settings).is_some_and(|own| own.as_bytes() == origin) {
                next.run(request).await
            } else {
                StatusCode::FORBIDDEN.into_response()
            }
        }
        _ => next.run(request).await,
    }
}

/// The origin this server answers as: the public one when configured, else the request's host (its target's
/// authority, else `Host`) with the server's scheme.
fn expected_origin(request: &Request, settings: &Settings) -> Option<String> {
    if let Some(public) = &settings.public_url {
        return Some(public.clone());
    }
    let scheme = if settings.secure_cookies { "https" } else { "http" };
    let host = match request.uri().authority() {
        Some(authority) => authority.as_str().to_owned(),
        None => request.headers().get(header::HOST)?.to_str().ok()?.to_owned(),
    };
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::public_origin;

    #[test]
    fn a_public_url_is_kept_as_browsers_send_its_origin() {
        assert_eq!(public_origin("https://Birlik.Example/").unwrap(), "https://birlik.example");
        assert_eq!(public_origin("https://birlik.example:443").unwrap(), "https://birlik.example");
        assert_eq!(public_origin("http://birlik.example:8080").unwrap(), "http://birlik.example:8080");
        for bad in ["birlik.example", "ftp://birlik.example", "https://birlik.example/path", "https://a@birlik.example"]
        {
            assert!(public_origin(bad).is_err(), "{bad}");
        }
    }
}
