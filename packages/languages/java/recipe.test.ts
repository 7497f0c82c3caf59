/** Java's run step starts the main class by its name qualified with the file's `package` declaration. */
import { describe, expect, it } from 'vitest';
import { javaEntryClass, javaRecipe } from './recipe.js';

describe('Java entry class', () => {
  it('qualifies the public class with the package, ignoring comments that mention one', () => {
    expect(javaEntryClass('public class Main {}')).toBe('Main');
    expect(javaEntryClass('package zoo.goo.b;\n\nimport foo.A;\npublic class B {}\n')).toBe('zoo.goo.b.B');
    expect(javaEntryClass('/*\n * package not.this;\n */\npackage  a . b ;\nclass X {}\n')).toBe('a.b.Main');
    expect(javaEntryClass('// package nope;\npublic final class Solver {}\n')).toBe('Solver');
  });

  it('starts the class that declares main when no class is public', () => {
    const hello =
      'import java.io.*;\n\nclass TestHello {\n    public static void main(String[] args) {}\n}\n';
    expect(javaEntryClass(hello)).toBe('TestHello');
    const two = 'class Helper {}\nfinal class Runner {\n  static public void main(String[] a) {}\n}\n';
    expect(javaEntryClass(two)).toBe('Runner');
    expect(javaEntryClass('class Solution {}\n')).toBe('Main');
    // A nested class declared before main is not the program; nor is a class named in a comment or string.
    const nested =
      'final class Main {\n  static final class ArbReader { ArbReader(String s) {} }\n' +
      '  // class Fake { static void main(\n  static String s = "class Nope {";\n' +
      '  public static void main(String[] a) {}\n}\nclass After {}\n';
    expect(javaEntryClass(nested)).toBe('Main');
  });

  it('runs the qualified class from classes/', () => {
    const argv = javaRecipe.run(
      { 'B.java': 'package p.q;\npublic class B {}\n', 'A.java': 'package r;' },
      {
        memoryMb: 256,
        unbuffered: false,
      },
    );
    expect(argv.slice(-3)).toEqual(['-cp', 'classes', 'p.q.B']);
  });
});
