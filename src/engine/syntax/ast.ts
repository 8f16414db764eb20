// The typed AST of the Python subset Grad Lens evaluates.
//
// Produced from @lezer/python's tree by `convert.ts`. Every node carries a `span` (absolute
// offsets into the source text) so errors, values and tracebacks can point at the code.
// Constructs outside the subset become `Unsupported` nodes that raise NotImplementedError when
// executed, so the rest of the file still runs.

export interface Span {
  from: number;
  to: number;
}

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '&' | '|' | '^' | '<<' | '>>';
export type CmpOpName = '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not in' | 'is' | 'is not';

/** A literal value, already decoded. Ints are bigints; imaginary literals carry `imag`. */
export type Literal =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'imag'; value: number }
  | { type: 'str'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

/** One piece of an f-string: literal text or a replacement field `{expr!conv:spec}`. */
export type FStringPart =
  | string
  | { expr: Expr; conversion: 'r' | 's' | 'a' | null; spec: FStringPart[] | null; selfDoc: string | null };

export interface Param {
  name: string;
  default: Expr | null;
  span: Span;
}

/** A parameter list: positional (incl. positional-only), `*args`, keyword-only, `**kwargs`. */
export interface Params {
  positional: Param[];
  /** How many of `positional` are positional-only (before `/`). */
  positionalOnly: number;
  varargs: string | null;
  kwonly: Param[];
  varkw: string | null;
}

export type Arg =
  | { kind: 'pos'; value: Expr }
  | { kind: 'star'; value: Expr }
  | { kind: 'kw'; name: string; value: Expr }
  | { kind: 'dstar'; value: Expr };

export interface Generator {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export type DictItem = { key: Expr; value: Expr } | { unpack: Expr };

export type Expr = { span: Span } & (
  | { kind: 'Name'; id: string }
  | { kind: 'Constant'; value: Literal }
  | { kind: 'FString'; parts: FStringPart[] }
  | { kind: 'Tuple'; elts: Expr[] }
  | { kind: 'List'; elts: Expr[] }
  | { kind: 'Set'; elts: Expr[] }
  | { kind: 'Starred'; value: Expr }
  | { kind: 'Dict'; items: DictItem[] }
  | { kind: 'BinOp'; op: BinOpName; left: Expr; right: Expr }
  | { kind: 'BoolOp'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'UnaryOp'; op: '-' | '+' | '~' | 'not'; operand: Expr }
  | { kind: 'Compare'; left: Expr; ops: CmpOpName[]; comparators: Expr[] }
  | { kind: 'Call'; func: Expr; args: Arg[] }
  | { kind: 'Attribute'; value: Expr; attr: string }
  | { kind: 'Subscript'; value: Expr; index: Expr }
  | { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
  | { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
  | { kind: 'Lambda'; params: Params; body: Expr }
  | { kind: 'Comprehension'; type: 'list' | 'set' | 'gen'; elt: Expr; generators: Generator[] }
  | { kind: 'DictComprehension'; key: Expr; value: Expr; generators: Generator[] }
  | { kind: 'Unsupported'; what: string }
);

export interface ExceptHandler {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
  span: Span;
}

export interface Alias {
  name: string;
  asname: string | null;
}

export type Stmt = { span: Span } & (
  | { kind: 'Expr'; value: Expr }
  | { kind: 'Assign'; targets: Expr[]; value: Expr }
  | { kind: 'AnnAssign'; target: Expr; value: Expr | null }
  | { kind: 'AugAssign'; target: Expr; op: BinOpName; value: Expr }
  | { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'Break' }
  | { kind: 'Continue' }
  | { kind: 'Pass' }
  | { kind: 'Return'; value: Expr | null }
  | { kind: 'FunctionDef'; name: string; params: Params; body: Stmt[]; decorators: Expr[] }
  | { kind: 'ClassDef'; name: string; bases: Expr[]; body: Stmt[]; decorators: Expr[] }
  | { kind: 'Import'; names: Alias[] }
  | { kind: 'ImportFrom'; module: string; level: number; names: Alias[] | '*' }
  | { kind: 'Global'; names: string[] }
  | { kind: 'Nonlocal'; names: string[] }
  | { kind: 'Assert'; test: Expr; msg: Expr | null }
  | { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
  | { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { kind: 'Delete'; targets: Expr[] }
  | { kind: 'With'; items: { context: Expr; target: Expr | null }[]; body: Stmt[] }
  | { kind: 'Unsupported'; what: string }
);

export type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;
export type StmtOf<K extends Stmt['kind']> = Extract<Stmt, { kind: K }>;
