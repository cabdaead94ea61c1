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
"use strict";

const path = require("path");

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
  const files = request.files.map((f) => path.resolve(f));
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

  for (const sf of program.getSourceFiles()) {
    const own = files.includes(path.resolve(sf.fileName));
    if (sf.isDeclarationFile || same(sf.fileName) || !own) continue;
    const record = (node, method, known) => {
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      calls.push({ path: sf.fileName, line: line + 1, col: character + 1, method, known });
    };
    const visit = (node) => {
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
      ts.forEachChild(node, visit);
    };
    visit(sf);
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
