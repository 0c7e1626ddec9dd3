//! A parsed JSON value, as the decoder walks it.
//!
//! Both parsers feed it: serde_json in the `check` command and the browser's own `JSON.parse`
//! in the bundle. Objects keep their fields as a list in written order: claims files have a
//! handful of fields per object, so a scan is as quick as a map, and the bundle carries no
//! map code. Numbers keep their text, so messages quote them without float formatting code.

/// One JSON value. In an object, a repeated key keeps only its last value, as in both parsers.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as its parser writes it: `3`, `-1`, `2.5`, `1e+21`.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` when this is an object holding it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The number, when it is a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// "a string", "an object": how messages name what was found.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl From<&serde_json::Value> for Json {
    fn from(value: &serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.to_string()),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), Json::from(v))).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_parsed() {
        let value: serde_json::Value = serde_json::from_str(r#"{"a": [1, -2, 2.5, "x", null, true], "b": {}}"#).unwrap();
        let json = Json::from(&value);
        let Some(Json::Array(items)) = json.get("a") else { panic!("{json:?}") };
        assert_eq!(items[0].as_u64(), Some(1));
        assert_eq!(items[1].as_u64(), None);
        assert_eq!(items[1], Json::Number("-2".into()));
        assert_eq!(items[2], Json::Number("2.5".into()));
        assert_eq!(items[3].kind(), "a string");
        assert_eq!(json.get("b"), Some(&Json::Object(Vec::new())));
        assert_eq!(json.get("c"), None);
    }
}
