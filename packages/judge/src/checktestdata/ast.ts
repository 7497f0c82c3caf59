/** The syntax tree of a checktestdata script: expressions, tests and (nested) commands. */

export type Expr =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'var'; variable: VarRef }
  | { kind: 'strlen'; arg: Expr }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '%' | '^'; left: Expr; right: Expr };

/** A variable, optionally indexed by one or more integer expressions (`x`, `x[i]`, `x[i,j]`). */
export interface VarRef {
  name: string;
  indices: Expr[];
}

export type CompareOp = '<' | '>' | '<=' | '>=' | '==' | '!=';

export type Test =
  | { kind: 'not'; arg: Test }
  | { kind: 'and' | 'or'; left: Test; right: Test }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'iseof' }
  | { kind: 'match'; arg: Expr }
  | { kind: 'unique'; names: string[] }
  | { kind: 'inarray'; value: Expr; array: string };

export type FloatOption = 'FIXED' | 'SCIENTIFIC';

/** A command that reads or checks without a block: the only kind allowed as a loop's separator. */
export type SimpleCommand = { line: number; text: string } & (
  | { kind: 'SPACE' | 'NEWLINE' | 'EOF' }
  | { kind: 'INT'; min: Expr; max: Expr; target?: VarRef }
  | {
      kind: 'FLOAT';
      min: Expr;
      max: Expr;
      decimals?: [Expr, Expr];
      target?: VarRef;
      option?: FloatOption;
    }
  | { kind: 'STRING'; value: Expr }
  | { kind: 'REGEX'; pattern: Expr; target?: VarRef }
  | { kind: 'ASSERT'; test: Test }
  | { kind: 'SET'; assignments: { target: VarRef; value: Expr }[] }
  | { kind: 'UNSET'; names: string[] }
);

export type Command =
  | SimpleCommand
  | {
      kind: 'REP';
      line: number;
      text: string;
      counter?: VarRef;
      count: Expr;
      separator?: SimpleCommand;
      body: Command[];
    }
  | {
      kind: 'WHILE';
      line: number;
      text: string;
      counter?: VarRef;
      test: Test;
      separator?: SimpleCommand;
      body: Command[];
    }
  | { kind: 'IF'; line: number; text: string; test: Test; then: Command[]; otherwise: Command[] };
