// The Rust harness's runtime, pasted into the generated `main.rs` after the user's code as the module
// `arb` (so none of its names or imports meet the user's). It reads each test's JSON arguments with a small
// parser of its own (the sandbox has no crates), converts them to the parameters' types through `FromJson`
// (the types are inferred from the user's function), writes the return value through `ToJson`, and runs the
// tests on a thread with a deep stack, as recursive solutions and the drop of long lists need one.

mod arb {
    use super::{ListNode, TreeNode};
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::io::{AsRawFd, FromRawFd};
    use std::rc::Rc;

    /// How many nodes a returned list or tree may have before it is taken for a cycle.
    const MAX_NODES: usize = 5_000_000;
    /// The stack of the thread that runs the tests.
    const STACK_BYTES: usize = 256 << 20;

    /// A JSON value as the worker sends it (numbers kept as written).
    pub enum Json {
        Null,
        Bool(bool),
        Num(String),
        Str(String),
        Arr(Vec<Json>),
    }

    struct Parser<'a> {
        text: &'a [u8],
        at: usize,
    }

    impl<'a> Parser<'a> {
        fn peek(&self) -> u8 {
            *self.text.get(self.at).unwrap_or(&0)
        }

        fn next(&mut self) -> u8 {
            let c = self.peek();
            if self.at >= self.text.len() {
                panic!("harness: malformed input: unexpected end");
            }
            self.at += 1;
            c
        }

        fn space(&mut self) {
            while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
                self.at += 1;
            }
        }

        fn literal(&mut self, word: &[u8], value: Json) -> Json {
            if !self.text[self.at..].starts_with(word) {
                panic!("harness: malformed input at byte {}", self.at);
            }
            self.at += word.len();
            value
        }

        fn value(&mut self) -> Json {
            self.space();
            match self.peek() {
                b'[' => {
                    self.at += 1;
                    let mut items = Vec::new();
                    self.space();
                    if self.peek() == b']' {
                        self.at += 1;
                        return Json::Arr(items);
                    }
                    loop {
                        items.push(self.value());
                        self.space();
                        match self.next() {
                            b',' => {}
                            b']' => return Json::Arr(items),
                            _ => panic!("harness: malformed input at byte {}", self.at),
                        }
                    }
                }
                b'"' => Json::Str(self.string()),
                b't' => self.literal(b"true", Json::Bool(true)),
                b'f' => self.literal(b"false", Json::Bool(false)),
                b'n' => self.literal(b"null", Json::Null),
                _ => {
                    let start = self.at;
                    while matches!(self.peek(), b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                        self.at += 1;
                    }
                    if start == self.at {
                        panic!("harness: malformed input at byte {}", self.at);
                    }
                    Json::Num(String::from_utf8_lossy(&self.text[start..self.at]).into_owned())
                }
            }
        }

        fn hex4(&mut self) -> u32 {
            let mut code = 0;
            for _ in 0..4 {
                let digit = (self.next() as char).to_digit(16).expect("harness: malformed \\u escape");
                code = code * 16 + digit;
            }
            code
        }

        fn string(&mut self) -> String {
            self.at += 1;
            let mut out: Vec<u8> = Vec::new();
            loop {
                match self.next() {
                    b'"' => break,
                    b'\\' => match self.next() {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let mut code = self.hex4();
                            if (0xD800..0xDC00).contains(&code) && self.text[self.at..].starts_with(b"\\u") {
                                self.at += 2;
                                let low = self.hex4();
                                if (0xDC00..0xE000).contains(&low) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                }
                            }
                            let c = char::from_u32(code).unwrap_or('\u{FFFD}');
                            let mut buffer = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                        }
                        other => out.push(other),
                    },
                    c => out.push(c),
                }
            }
            String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }

    /// A parameter's value from its JSON.
    pub trait FromJson: Sized {
        fn from_json(value: &Json) -> Self;
    }

    pub fn from_json<T: FromJson>(value: &Json) -> T {
        T::from_json(value)
    }

    impl FromJson for i64 {
        fn from_json(value: &Json) -> i64 {
            match value {
                Json::Num(text) => text
                    .parse::<i64>()
                    .unwrap_or_else(|_| text.parse::<f64>().expect("harness: not a number") as i64),
                _ => panic!("harness: expected a number"),
            }
        }
    }

    impl FromJson for i32 {
        fn from_json(value: &Json) -> i32 {
            i64::from_json(value) as i32
        }
    }

    impl FromJson for f64 {
        fn from_json(value: &Json) -> f64 {
            match value {
                Json::Num(text) => text.parse::<f64>().expect("harness: not a number"),
                _ => panic!("harness: expected a number"),
            }
        }
    }

    impl FromJson for bool {
        fn from_json(value: &Json) -> bool {
            match value {
                Json::Bool(b) => *b,
                _ => panic!("harness: expected a boolean"),
            }
        }
    }

    impl FromJson for String {
        fn from_json(value: &Json) -> String {
            match value {
                Json::Str(s) => s.clone(),
                _ => panic!("harness: expected a string"),
            }
        }
    }

    impl FromJson for char {
        fn from_json(value: &Json) -> char {
            String::from_json(value).chars().next().unwrap_or('\0')
        }
    }

    impl<T: FromJson> FromJson for Vec<T> {
        fn from_json(value: &Json) -> Vec<T> {
            match value {
                Json::Arr(items) => items.iter().map(T::from_json).collect(),
                _ => panic!("harness: expected an array"),
            }
        }
    }

    impl FromJson for Option<Box<ListNode>> {
        fn from_json(value: &Json) -> Option<Box<ListNode>> {
            let values: Vec<i32> = Vec::from_json(value);
            let mut head = None;
            for val in values.into_iter().rev() {
                head = Some(Box::new(ListNode { val, next: head }));
            }
            head
        }
    }

    fn tree_node(value: &Json) -> Option<Rc<RefCell<TreeNode>>> {
        match value {
            Json::Null => None,
            _ => Some(Rc::new(RefCell::new(TreeNode { val: i32::from_json(value), left: None, right: None }))),
        }
    }

    impl FromJson for Option<Rc<RefCell<TreeNode>>> {
        fn from_json(value: &Json) -> Option<Rc<RefCell<TreeNode>>> {
            let values = match value {
                Json::Arr(items) => items,
                _ => panic!("harness: expected an array"),
            };
            let root = tree_node(values.first()?);
            let mut queue: VecDeque<Rc<RefCell<TreeNode>>> = root.iter().cloned().collect();
            let mut next = 1;
            while next < values.len() {
                let node = match queue.pop_front() {
                    Some(node) => node,
                    None => break,
                };
                let left = tree_node(&values[next]);
                next += 1;
                let right = values.get(next).and_then(tree_node);
                next += 1;
                let mut node = node.borrow_mut();
                if let Some(child) = &left {
                    queue.push_back(child.clone());
                }
                if let Some(child) = &right {
                    queue.push_back(child.clone());
                }
                node.left = left;
                node.right = right;
            }
            root
        }
    }

    /// A return value written as JSON.
    pub trait ToJson {
        fn write(&self, out: &mut String);
    }

    pub fn to_json<T: ToJson>(value: &T) -> String {
        let mut out = String::new();
        value.write(&mut out);
        out
    }

    impl ToJson for i32 {
        fn write(&self, out: &mut String) {
            out.push_str(&self.to_string());
        }
    }

    impl ToJson for i64 {
        fn write(&self, out: &mut String) {
            out.push_str(&self.to_string());
        }
    }

    impl ToJson for f64 {
        fn write(&self, out: &mut String) {
            if self.is_finite() {
                out.push_str(&self.to_string());
            } else {
                out.push_str("null");
            }
        }
    }

    impl ToJson for bool {
        fn write(&self, out: &mut String) {
            out.push_str(if *self { "true" } else { "false" });
        }
    }

    pub fn write_string(out: &mut String, text: &str) {
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    impl ToJson for String {
        fn write(&self, out: &mut String) {
            write_string(out, self);
        }
    }

    impl ToJson for char {
        fn write(&self, out: &mut String) {
            write_string(out, &self.to_string());
        }
    }

    impl<T: ToJson> ToJson for Vec<T> {
        fn write(&self, out: &mut String) {
            out.push('[');
            for (i, item) in self.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                item.write(out);
            }
            out.push(']');
        }
    }

    impl ToJson for Option<Box<ListNode>> {
        fn write(&self, out: &mut String) {
            out.push('[');
            let mut node = self.as_ref();
            let mut count = 0;
            while let Some(current) = node {
                count += 1;
                if count > MAX_NODES {
                    panic!("the returned linked list has a cycle");
                }
                if count > 1 {
                    out.push(',');
                }
                out.push_str(&current.val.to_string());
                node = current.next.as_ref();
            }
            out.push(']');
        }
    }

    impl ToJson for Option<Rc<RefCell<TreeNode>>> {
        fn write(&self, out: &mut String) {
            let mut queue: Vec<Option<Rc<RefCell<TreeNode>>>> = vec![self.clone()];
            let mut values: Vec<String> = Vec::new();
            let mut i = 0;
            while i < queue.len() {
                match queue[i].clone() {
                    None => values.push("null".to_string()),
                    Some(node) => {
                        if queue.len() > MAX_NODES {
                            panic!("the returned tree has a cycle");
                        }
                        let node = node.borrow();
                        values.push(node.val.to_string());
                        queue.push(node.left.clone());
                        queue.push(node.right.clone());
                    }
                }
                i += 1;
            }
            while values.last().map(|v| v == "null").unwrap_or(false) {
                values.pop();
            }
            out.push('[');
            out.push_str(&values.join(","));
            out.push(']');
        }
    }

    extern "C" {
        fn dup(fd: i32) -> i32;
        fn dup2(from: i32, to: i32) -> i32;
    }

    /// The worker's channel (protocol.ts), moved off fd 0; fd 0 then reads /dev/null.
    fn open_channel() -> std::fs::File {
        let fd = unsafe { dup(0) };
        if fd < 0 {
            panic!("harness: no channel on fd 0");
        }
        if let Ok(null) = std::fs::File::open("/dev/null") {
            unsafe { dup2(null.as_raw_fd(), 0) };
        }
        unsafe { std::fs::File::from_raw_fd(fd) }
    }

    fn send(channel: &mut std::fs::File, text: &str) {
        let line = format!("{}\n", text);
        if channel.write_all(line.as_bytes()).is_err() {
            std::process::exit(1);
        }
    }

    fn message(caught: &(dyn std::any::Any + Send)) -> String {
        if let Some(text) = caught.downcast_ref::<&str>() {
            text.to_string()
        } else if let Some(text) = caught.downcast_ref::<String>() {
            text.clone()
        } else {
            "panic".to_string()
        }
    }

    fn serve_on_this_thread(call: fn(&[Json]) -> String) {
        let mut channel = open_channel();
        let mut reader = BufReader::new(channel.try_clone().expect("harness: cannot read the channel"));
        send(&mut channel, "ready");
        loop {
            let mut line: Vec<u8> = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            let space = line.iter().position(|&c| c == b' ').expect("harness: malformed test");
            let index = String::from_utf8_lossy(&line[..space]).into_owned();
            let args = match (Parser { text: &line[space + 1..], at: 0 }).value() {
                Json::Arr(items) => items,
                _ => panic!("harness: the arguments are not an array"),
            };
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(&args)));
            // The user's prints go before the answer.
            let _ = std::io::stdout().flush();
            match outcome {
                Ok(payload) => send(&mut channel, &format!("{} ok {}", index, payload)),
                Err(caught) => {
                    let mut text = String::new();
                    write_string(&mut text, &message(caught.as_ref()));
                    send(&mut channel, &format!("{} error {}", index, text));
                    std::process::exit(1);
                }
            }
        }
    }

    /// Serves the tests: `call` converts one test's arguments, calls the function and writes its answer.
    pub fn serve(call: fn(&[Json]) -> String) {
        let worker = std::thread::Builder::new()
            .name("main".to_string())
            .stack_size(STACK_BYTES)
            .spawn(move || serve_on_this_thread(call))
            .expect("harness: cannot start the test thread");
        let finished = worker.join();
        let _ = std::io::stdout().flush();
        std::process::exit(if finished.is_ok() { 0 } else { 1 });
    }
}
