// Find calls of a generated TypeScript Tracker's methods with the TypeScript compiler.
//
// Reads one JSON request on stdin:
//   {files: [abs path], generated: abs path, generatedText: string | null,
//    searchPaths: [dir], typescript: module path | null}
// and writes {calls: [{path, line, col, method, known}], problems: [{path, message}]}.
//
// The TypeChecker decides every call: a call whose resolved signature is declared in the
// generated `Tracker` class counts, however the method reached the call (a variable, a
// parameter, a destructured alias, a factory's return value, an import under another
// name). A call of a member the class does not declare, on a receiver whose type is the
// Tracker, is reported as unknown: the plan no longer has that event. Comments and
// strings hold no call expressions, so they never count. `generatedText` stands in for
// the file on disk, so the report follows the plan, not a stale generated file.
//
// A file of the request that does not parse, cannot be read, or is too deeply nested
// for the compiler is a problem; the rest are still analysed. The syntax tree is
// visited with an explicit stack, so a deep expression never overflows this script.
"use strict";

const path = require("path");

const TOO_DEEP = "not analysed: too deeply nested";

function describe(error) {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return TOO_DEEP;
  return `not analysed: ${error && error.message ? error.message : String(error)}`;
}

function loadTypeScript(request) {
  const candidates = [];
  if (request.typescript) candidates.push(request.typescript);
  for (const dir of request.searchPaths || []) {
    try {
      candidates.push(require.resolve("typescript", { paths: [dir] }));
    } catch (_) {
      // not installed there
    }
  }
  candidates.push("typescript");
  for (const candidate of candidates) {
    try {
      return require(candidate);
    } catch (_) {
      // try the next one
    }
  }
  throw new Error(
    "the 'typescript' npm package is not installed; run 'npm install' in the project"
  );
}

function main(request) {
  const ts = loadTypeScript(request);
  const generated = path.resolve(request.generated);
  const options = {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.Preserve,
    types: [],
  };
  const host = ts.createCompilerHost(options, true);
  const same = (a) => path.resolve(a) === generated;
  const files = new Set(request.files.map((f) => path.resolve(f)));
  // Files the compiler could not parse at all (its parser overflowed): why.
  const unparsed = new Map();
  if (typeof request.generatedText === "string") {
    const text = request.generatedText;
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, onError, fresh) =>
      same(name)
        ? ts.createSourceFile(name, text, language, true)
        : getSourceFile(name, language, onError, fresh);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => same(name) || fileExists(name);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (same(name) ? text : readFile(name));
  }
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, fresh) => {
    try {
      return parse(name, language, onError, fresh);
    } catch (error) {
      unparsed.set(path.resolve(name), describe(error));
      return ts.createSourceFile(name, "", language, true);
    }
  };
  const program = ts.createProgram([...files, generated], options, host);
  const checker = program.getTypeChecker();
  const problems = [];
  const calls = [];

  const generatedFile = program.getSourceFiles().find((sf) => same(sf.fileName));
  let trackerClass;
  if (generatedFile) {
    for (const statement of generatedFile.statements) {
      if (ts.isClassDeclaration(statement) && statement.name?.text === "Tracker") {
        trackerClass = statement;
      }
    }
  }
  if (!trackerClass) {
    problems.push({
      path: request.generated,
      message: "no Tracker class in the generated file",
    });
    return { calls, problems };
  }
  const trackerSymbol = checker.getSymbolAtLocation(trackerClass.name);
  const members = new Set();
  for (const member of trackerClass.members) {
    if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
      members.add(member.name.text);
    }
  }

  function isTracker(type, depth = 0) {
    if (!type || depth > 8) return false;
    if (type.isUnionOrIntersection()) return type.types.some((t) => isTracker(t, depth + 1));
    const symbol = type.getSymbol();
    if (symbol && symbol === trackerSymbol) return true;
    if (type.isClassOrInterface()) {
      return (checker.getBaseTypes(type) || []).some((t) => isTracker(t, depth + 1));
    }
    return false;
  }

  // The Tracker member a declaration belongs to: a method, an overload, or an arrow
  // function held by a property.
  function trackerMember(declaration) {
    let node = declaration;
    for (let i = 0; node && i < 3; i += 1) {
      if (node.parent === trackerClass && node.name && ts.isIdentifier(node.name)) {
        return node.name.text;
      }
      node = node.parent;
    }
    return undefined;
  }

  function declaredMember(signature) {
    return signature?.declaration ? trackerMember(signature.declaration) : undefined;
  }

  function calleeName(callee) {
    let node = callee;
    while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    }
    if (ts.isPropertyAccessExpression(node)) {
      return { receiver: node.expression, name: node.name.text };
    }
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      return { receiver: node.expression, name: node.argumentExpression.text };
    }
    return undefined;
  }

  // Every Tracker call in one file, its nodes visited in order with an explicit stack.
  function callsIn(sf) {
    const found = [];
    const record = (node, method, known) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push({ path: sf.fileName, line: line + 1, col: character + 1, method, known });
    };
    const pending = [sf];
    while (pending.length > 0) {
      const node = pending.pop();
      if (ts.isCallExpression(node)) {
        const access = calleeName(node.expression);
        let method = declaredMember(checker.getResolvedSignature(node));
        if (method === undefined && access && (access.name === "call" || access.name === "apply")) {
          // `tracker.orderCompleted.call(tracker, ...)`: the function called is the receiver.
          const inner = checker.getTypeAtLocation(access.receiver).getCallSignatures();
          method = inner.map(declaredMember).find((m) => m !== undefined);
        }
        if (method !== undefined) {
          record(node, method, true);
        } else if (
          access &&
          !access.name.startsWith("_") &&
          !members.has(access.name) &&
          isTracker(checker.getTypeAtLocation(access.receiver))
        ) {
          record(node, access.name, false);
        }
      }
      const children = [];
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
    }
    return found;
  }

  const seen = new Set();
  for (const sf of program.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (sf.isDeclarationFile || same(sf.fileName) || !files.has(file)) continue;
    seen.add(file);
    if (unparsed.has(file)) {
      problems.push({ path: sf.fileName, message: unparsed.get(file) });
      continue;
    }
    const syntax = program.getSyntacticDiagnostics(sf);
    if (syntax.length > 0) {
      // As in Python: a file that does not parse is a problem, and is not read.
      const first = syntax[0];
      const { line, character } = sf.getLineAndCharacterOfPosition(first.start || 0);
      const text = ts.flattenDiagnosticMessageText(first.messageText, " ");
      problems.push({
        path: sf.fileName,
        message: `not parsed: line ${line + 1}, col ${character + 1}: ${text}`,
      });
      continue;
    }
    try {
      calls.push(...callsIn(sf));
    } catch (error) {
      // The checker recursed too deep on this file (or failed on it): the file is a
      // problem, the others are still analysed.
      problems.push({ path: sf.fileName, message: describe(error) });
    }
  }
  for (const file of files) {
    if (!seen.has(file) && !same(file)) {
      problems.push({ path: file, message: "not read" });
    }
  }
  return { calls, problems };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk;
});
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(main(JSON.parse(input))));
  } catch (error) {
    const message = error && error.message ? error.message : String(error);
    process.stdout.write(JSON.stringify({ error: message }));
    process.exitCode = 2;
  }
});
