/** Rust: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const rustMeta = {
  id: 'rust',
  name: 'Rust',
  extensions: ['.rs'],
  monaco: 'rust',
  debian: ['rustc'],
  stdioStarter:
    'use std::io::{self, BufWriter, Read, Write};\n\nfn main() {\n    let mut input = String::new();\n' +
    '    io::stdin().read_to_string(&mut input).unwrap();\n    let mut out = BufWriter::new(io::stdout().lock());\n' +
    '    let mut tokens = input.split_ascii_whitespace();\n    let _ = &mut tokens;\n    writeln!(out).unwrap();\n}\n',
  sample:
    'use std::io::Read;\n\nfn main() {\n    let mut input = String::new();\n    std::io::stdin().read_to_string(&mut input).unwrap();\n' +
    '    let sum: i64 = input.split_whitespace().map(|t| t.parse::<i64>().unwrap()).sum();\n    println!("{}", sum);\n}\n',
  samples: {
    hello: 'fn main() {\n    println!("hello");\n}\n',
    compileError: 'fn main() {\n    let x: i32 = "s";\n    println!("{}", x);\n}\n',
    runtimeError: 'fn main() {\n    println!("before");\n    std::process::exit(3);\n}\n',
    timeLimit:
      'fn main() {\n    let mut x: u64 = 0;\n    loop {\n        x = x.wrapping_add(1);\n        if x == u64::MAX {\n            println!("{}", x);\n        }\n    }\n}\n',
    memoryLimit:
      'fn main() {\n    let mut keep: Vec<Vec<u8>> = Vec::new();\n    loop {\n        keep.push(vec![1u8; 16 << 20]);\n' +
      '        if keep.len() > 1000 {\n            println!("{}", keep.len());\n        }\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
