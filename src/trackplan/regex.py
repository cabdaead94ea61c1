"""The regular expressions a plan may use: one meaning in Python and in JavaScript.

A plan's `regex` is checked by generated Python with `re.fullmatch` and by generated
TypeScript with a `RegExp` compiled with the `u` flag (code points, like Python's `str`
patterns). The two engines disagree on many details, so trackplan accepts a subset that
it parses itself, and writes the JavaScript source from the parse instead of copying
the text (docs/regex.md lists the subset):

- `.` becomes `[^\\n]` (JavaScript's `.` also stops at `\\r`, U+2028 and U+2029);
- `\\d`, `\\w`, `\\s` and their negations become the Unicode classes Python means;
- escaped punctuation (`\\@`, an error under `u`) becomes the plain character;
- `\\U0001F600` becomes `\\u{1F600}`.

Everything whose meaning differs and cannot be written the same way is refused with a
reason: inline flags, named groups, lookbehind, atomic groups, possessive quantifiers,
backreferences, `\\b`, `\\A`, `\\Z`, `{,n}`, unescaped literal braces and brackets, and a
`$` that something could follow (Python's `$` also matches before a final newline).
"""

from __future__ import annotations

# Python's `\s` for str patterns: the characters for which str.isspace() is true.
_SPACE = (
    "\\t\\n\\x0b\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000"
)
_WORD = "\\p{L}\\p{N}_"
_DIGIT = "\\p{Nd}"

# In a class, each shorthand as class items; outside, as a whole atom.
_CLASS_ITEMS = {"d": _DIGIT, "w": _WORD, "s": _SPACE, "D": "\\P{Nd}"}
_ATOMS = {
    "d": _DIGIT,
    "D": "\\P{Nd}",
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
}
_CONTROL = {"n": "\\n", "t": "\\t", "r": "\\r", "f": "\\f", "v": "\\x0b", "a": "\\x07"}
_REFUSED_ESCAPES = {
    "b": "\\b (word boundaries use ASCII words in JavaScript)",
    "B": "\\B (word boundaries use ASCII words in JavaScript)",
    "A": "\\A (use ^)",
    "Z": "\\Z (use $ at the end)",
    "z": "\\z",
    "G": "\\G",
    "N": "\\N{...} (write the character itself)",
    "p": "\\p{...} (Python has no Unicode properties)",
    "P": "\\P{...} (Python has no Unicode properties)",
    "k": "\\k<...> (named backreferences)",
    "c": "\\c (control escapes)",
}
_JS_SYNTAX = frozenset("^$\\.*+?()[]{}|/")
_HEX = frozenset("0123456789abcdefABCDEF")


class NotPortable(ValueError):
    """A pattern outside the subset that means the same in Python and JavaScript."""


def portability_problem(pattern: str) -> str | None:
    """Why `pattern` would not mean the same in Python and JavaScript, or None."""
    try:
        javascript(pattern)
    except NotPortable as exc:
        return str(exc)
    return None


def javascript(pattern: str) -> str:
    """The source of a JavaScript `RegExp` (flag `u`) that fully matches what Python does.

    The result is anchored (`^(?:...)$`), as Python's `re.fullmatch` is.
    """
    return "^(?:" + _Parser(pattern).parse() + ")$"


def _js_char(char: str, in_class: bool = False) -> str:
    """One literal character as JavaScript regex source under the `u` flag."""
    special = _JS_SYNTAX | ({"-"} if in_class else set())
    if char in special:
        return "\\" + char
    if not char.isprintable() or char in "\u2028\u2029":
        return f"\\u{{{ord(char):X}}}"
    return char


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.i = 0

    def fail(self, what: str) -> NotPortable:
        return NotPortable(
            f"{what} at offset {self.i} does not mean the same in JavaScript"
        )

    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.text[j] if j < len(self.text) else ""

    def parse(self) -> str:
        out, _ = self.alternation(tail=True, look=False)
        if self.i < len(self.text):
            raise NotPortable(f"unbalanced ')' at offset {self.i}")
        return out

    # -- structure ------------------------------------------------------------------

    def alternation(self, tail: bool, look: bool) -> tuple[str, bool]:
        """Alternatives up to ')' or the end; also whether a `$` in it needs the tail."""
        parts = []
        needs_tail = False
        while True:
            part, needs = self.sequence(tail, look)
            parts.append(part)
            needs_tail = needs_tail or needs
            if self.peek() != "|":
                return "|".join(parts), needs_tail
            self.i += 1

    def sequence(self, tail: bool, look: bool) -> tuple[str, bool]:
        items: list[tuple[str, bool, bool]] = []  # (source, needs tail, quantified)
        while self.i < len(self.text) and self.peek() not in "|)":
            start = self.i
            atom, kind, needs = self.atom(tail, look)
            quantifier = self.quantifier()
            if quantifier and kind == "assertion":
                self.i = start
                raise self.fail("a quantifier on an assertion")
            items.append((atom + quantifier, needs, bool(quantifier)))
        for n, (_, needs, quantified) in enumerate(items):
            if needs and (n != len(items) - 1 or quantified or not tail):
                raise NotPortable(
                    "'$' must end the pattern: Python's $ also matches before a final "
                    "newline, JavaScript's does not"
                )
        return "".join(source for source, _, _ in items), any(n for _, n, _ in items)

    def atom(self, tail: bool, look: bool) -> tuple[str, str, bool]:
        """(JavaScript source, kind, needs tail) of one atom; kind: atom | assertion."""
        char = self.peek()
        if char == "(":
            return self.group(tail, look)
        if char == "[":
            return self.char_class(), "atom", False
        if char == "\\":
            return self.escape(), "atom", False
        self.i += 1
        if char == ".":
            return "[^\\n]", "atom", False
        if char == "^":
            return "^", "assertion", False
        if char == "$":
            if look:
                self.i -= 1
                raise self.fail("'$' inside a lookahead")
            return "$", "assertion", True
        if char in "*+?":
            self.i -= 1
            raise NotPortable(f"nothing to repeat at offset {self.i}")
        if char in "{}]":
            self.i -= 1
            raise self.fail(f"a literal '{char}' (write '\\{char}')")
        return _js_char(char), "atom", False

    def group(self, tail: bool, look: bool) -> tuple[str, str, bool]:
        self.i += 1
        head = "("
        kind = "atom"
        inner_look = look
        if self.peek() == "?":
            nxt = self.peek(1)
            if nxt == ":":
                head = "(?:"
            elif nxt in "=!":
                head = "(?" + nxt
                kind = "assertion"
                inner_look = True
            else:
                self.i -= 1
                raise self.fail(_group_problem(self.text[self.i :]))
            self.i += 2
        body, needs = self.alternation(tail, inner_look)
        if self.peek() != ")":
            raise NotPortable(f"missing ')' at offset {self.i}")
        self.i += 1
        return head + body + ")", kind, needs

    def quantifier(self) -> str:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.i += 1
            out = char
        elif char == "{":
            close = self.text.find("}", self.i)
            body = self.text[self.i + 1 : close] if close > 0 else ""
            low, comma, high = body.partition(",")
            if (
                not low.isdigit()
                or not (high == "" or high.isdigit())
                or not low.isascii()
            ):
                raise self.fail(
                    "'{' that is not a quantifier {n}, {n,} or {n,m} (write '\\{' for a brace)"
                )
            if not high.isascii():
                raise self.fail("a non-ASCII digit in a quantifier")
            self.i = close + 1
            out = "{" + low + comma + high + "}"
        else:
            return ""
        if self.peek() == "?":
            self.i += 1
            out += "?"
        elif self.peek() == "+":
            raise self.fail("a possessive quantifier")
        if self.peek() in ("*", "+", "?", "{"):
            raise NotPortable(f"multiple repeat at offset {self.i}")
        return out

    # -- escapes --------------------------------------------------------------------

    def escape(self) -> str:
        self.i += 1
        char = self.peek()
        if not char:
            raise NotPortable("a pattern cannot end with a backslash")
        self.i += 1
        if char in _ATOMS:
            return _ATOMS[char]
        return self.single_escape(char, in_class=False)

    def single_escape(self, char: str, in_class: bool) -> str:
        """An escape that stands for one character (`char` follows the backslash)."""
        if char in _CONTROL:
            return _CONTROL[char]
        if char == "x":
            return self.hex_escape(2)
        if char == "u":
            return self.hex_escape(4)
        if char == "U":
            return self.hex_escape(8)
        if char.isdigit():
            self.i -= 2
            raise self.fail("a backreference or octal escape")
        if char.isascii() and char.isalpha():
            self.i -= 2
            raise self.fail(_REFUSED_ESCAPES.get(char, f"\\{char}"))
        return _js_char(char, in_class)

    def hex_escape(self, digits: int) -> str:
        text = self.text[self.i : self.i + digits]
        if len(text) != digits or not set(text) <= _HEX:
            raise NotPortable(f"a bad escape at offset {self.i - 2}")
        code = int(text, 16)
        if 0xD800 <= code <= 0xDFFF:
            raise self.fail("an escaped surrogate")
        if code > 0x10FFFF:
            raise NotPortable(f"a bad escape at offset {self.i - 2}")
        self.i += digits
        return f"\\u{{{code:X}}}"

    # -- classes --------------------------------------------------------------------

    def char_class(self) -> str:
        self.i += 1
        out = "["
        if self.peek() == "^":
            self.i += 1
            out += "^"
        if self.peek() == "]":
            raise self.fail("']' first in a class (write '\\]')")
        items: list[tuple[str, str | None]] = []  # (source, the character or None)
        while True:
            char = self.peek()
            if not char:
                raise NotPortable("unterminated character set")
            if char == "]":
                self.i += 1
                break
            if char == "[":
                raise self.fail("'[' inside a class (write '\\[')")
            if self.text.startswith(("--", "&&", "~~", "||"), self.i):
                raise self.fail(f"'{self.text[self.i : self.i + 2]}' inside a class")
            if char == "-" and items and self.peek(1) != "]":
                self.i += 1
                low = items[-1][1]
                start = self.i
                high_source, high = self.class_item()
                if low is None or high is None:
                    self.i = start
                    raise self.fail("a range whose end is a class")
                if ord(low) > ord(high):
                    raise NotPortable(f"bad character range at offset {start}")
                items[-1] = (items[-1][0] + "-" + high_source, None)
                continue
            items.append(self.class_item())
        return out + "".join(source for source, _ in items) + "]"

    def class_item(self) -> tuple[str, str | None]:
        char = self.peek()
        self.i += 1
        if char != "\\":
            return _js_char(char, in_class=True), char
        char = self.peek()
        if not char:
            raise NotPortable("a pattern cannot end with a backslash")
        self.i += 1
        if char in _CLASS_ITEMS:
            return _CLASS_ITEMS[char], None
        if char in "WS":
            self.i -= 2
            raise self.fail(f"\\{char} inside a class")
        if char == "b":
            return "\\x08", "\b"
        start = self.i
        source = self.single_escape(char, in_class=True)
        return source, _escaped_char(char, self.text[start : self.i])


def _escaped_char(char: str, digits: str) -> str:
    """The character an escape stands for (for range bounds)."""
    named = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
    if char in named:
        return named[char]
    if char in "xuU":
        return chr(int(digits, 16))
    return char


def _group_problem(text: str) -> str:
    """Name the construct at `text`, which starts with '(?' and is refused."""
    if text.startswith(("(?<=", "(?<!")):
        return "a lookbehind"
    if text.startswith(("(?P<", "(?<")):
        return "a named group"
    if text.startswith("(?P="):
        return "a named backreference"
    if text.startswith("(?#"):
        return "a comment group"
    if text.startswith("(?>"):
        return "an atomic group"
    if text.startswith("(?("):
        return "a conditional group"
    return "an inline flag"
