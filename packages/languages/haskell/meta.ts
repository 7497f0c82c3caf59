/** Haskell with GHC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const haskellMeta = {
  id: 'haskell',
  name: 'Haskell (GHC)',
  extensions: ['.hs'],
  // Monaco has no Haskell grammar: plain text.
  monaco: 'plaintext',
  debian: ['ghc'],
  stdioStarter:
    'import qualified Data.ByteString.Char8 as B\nimport Data.Maybe (mapMaybe)\n\nmain :: IO ()\nmain = do\n' +
    '  input <- B.getContents\n  let numbers = map fst (mapMaybe B.readInt (B.words input))\n  print (length numbers)\n',
  sample:
    'main :: IO ()\nmain = do\n  [a, b] <- map read . words <$> getContents :: IO [Integer]\n  print (a + b)\n',
  samples: {
    hello: 'main :: IO ()\nmain = putStrLn "hello"\n',
    compileError: 'main :: IO ()\nmain = putStrLn (1 + "s")\n',
    runtimeError:
      'import System.Exit\nimport System.IO\n\nmain :: IO ()\nmain = do\n  putStrLn "before"\n  hFlush stdout\n  exitWith (ExitFailure 3)\n',
    timeLimit: 'loop :: Int -> Int\nloop n = loop (n + 1)\n\nmain :: IO ()\nmain = print (loop 0)\n',
    memoryLimit:
      'main :: IO ()\nmain = do\n  let xs = [1 ..] :: [Int]\n  print (length xs)\n  print (sum xs)\n',
  },
} as const satisfies LanguageMeta;
