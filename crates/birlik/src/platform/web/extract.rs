//! Form and JSON extractors whose rejections are our own localized errors, not axum's plain-text ones.

use axum::extract::{FromRequest, Request};

use crate::platform::web::AppError;

/// An HTML form body (`application/x-www-form-urlencoded`; repeated fields fill a `Vec`); a malformed one, or one
/// that is not UTF-8 text, is a localized 400, an oversized one a 413.
pub struct Form<T>(pub T);

impl<S, T> FromRequest<S> for Form<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::BadRequest("expected a form".into()));
        }
        let bytes = match axum::body::Bytes::from_request(request, state).await {
            Ok(bytes) => bytes,
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::PayloadTooLarge);
            }
            Err(rejection) => return Err(AppError::BadRequest(rejection.body_text())),
        };
        if !decodes_to_text(&bytes) {
            return Err(AppError::NotUtf8);
        }
        serde_html_form::from_bytes(&bytes).map(Form).map_err(|e| AppError::BadRequest(e.to_string()))
    }
}

/// Does every name and value of an urlencoded body decode to UTF-8? The form parser would quietly put U+FFFD in
/// place of bytes that do not (`%FF%FE`), storing something nobody typed.
fn decodes_to_text(body: &[u8]) -> bool {
    body.split(|b| *b == b'&')
        .flat_map(|pair| pair.splitn(2, |b| *b == b'='))
        .all(|part| percent_encoding::percent_decode(part).decode_utf8().is_ok())
}

/// A JSON body; wrong types, missing fields and bad syntax are a localized 400, an oversized body a 413.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match axum::Json::<serde_json::Value>::from_request(request, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::PayloadTooLarge);
            }
            Err(rejection) => return Err(AppError::BadRequest(rejection.body_text())),
        };
        serde_json::from_value(whole_numbers_as_integers(value))
            .map(ApiJson)
            .map_err(|e| AppError::BadRequest(format!("Failed to deserialize the JSON body: {e}")))
    }
}

/// JSON Schema counts `1.0` as an integer, and so must the API that the document describes: a number with no
/// fraction is read as an integer wherever one is expected.
fn whole_numbers_as_integers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Value::from(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(whole_numbers_as_integers).collect()),
        Value::Object(fields) => {
            Value::Object(fields.into_iter().map(|(k, v)| (k, whole_numbers_as_integers(v))).collect())
        }
        other => other,
    }
}

/// The address of the peer that sent the request (for rate limits), or `unknown` without connection info.
pub struct ClientIp(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        Ok(ClientIp(ip))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_form_is_text_or_refused() {
        assert!(super::decodes_to_text(b"name=%D0%90%D2%9B+x&groups=a&groups=b&empty="));
        assert!(!super::decodes_to_text(b"name=%FF%FE"));
        assert!(!super::decodes_to_text(b"n%C3=x"));
        assert!(!super::decodes_to_text(b"name=\xff"));
    }
}
