/** OCaml: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const ocamlMeta = {
  id: 'ocaml',
  name: 'OCaml',
  extensions: ['.ml'],
  // Monaco has no OCaml grammar; F#'s (an ML too) colours it.
  monaco: 'fsharp',
  debian: ['ocaml-nox'],
  stdioStarter: 'let () =\n  let n = Scanf.scanf " %d" (fun x -> x) in\n  Printf.printf "%d\\n" n\n',
  sample: 'let () = Scanf.scanf " %Ld %Ld" (fun a b -> Printf.printf "%Ld\\n" (Int64.add a b))\n',
  samples: {
    hello: 'let () = print_endline "hello"\n',
    compileError: 'let () = print_endline (1 + "s")\n',
    runtimeError: 'let () =\n  print_endline "before";\n  exit 3\n',
    timeLimit: 'let rec loop n = loop (n + 1)\n\nlet () = loop 0\n',
    memoryLimit:
      "let () =\n  let keep = ref [] in\n  while true do\n    keep := Bytes.make (16 * 1024 * 1024) 'x' :: !keep\n  done\n",
  },
} as const satisfies LanguageMeta;
