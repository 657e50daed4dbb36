"""A table of plan files: each one sqitch 1.3.1 accepts or refuses, as the verdict says.

The verdicts are sqitch's (test_plan_grammar.py asks sqitch again and fails if it answers
otherwise); the cases cover every rule of the plan grammar issue 16 lists, and the corners
around them.
"""

from __future__ import annotations

HEADER = "%syntax-version=1.0.0\n%project=p\n\n"
D = "2024-01-01T00:00:00Z N <e@x>"
D2 = "2024-01-02T03:04:05Z Other Planner <other@example.com>"


def plan(*lines: str, header: str = HEADER) -> str:
    return header + "".join(line + "\n" for line in lines)


TUTORIAL = (
    "%syntax-version=1.0.0\n%project=flipr\n%uri=https://github.com/sqitchers/sqitch-intro/\n\n"
    "appschema 2013-12-30T23:19:45Z Marge N. O'Vera <marge@example.com># Add schema for all"
    " flipr objects.\n"
    "users [appschema] 2013-12-30T23:49:00Z Marge N. O'Vera <marge@example.com># Creates table"
    " to track our users.\n"
    "insert_user [users appschema] 2013-12-30T23:57:36Z Marge N. O'Vera <marge@example.com>#"
    " Creates a function to insert a user.\n"
    "change_pass [users appschema] 2013-12-30T23:57:45Z Marge N. O'Vera <marge@example.com>#"
    " Creates a function to change a user password.\n"
    "@v1.0.0-dev1 2013-12-31T00:01:22Z Marge N. O'Vera <marge@example.com># Tag v1.0.0-dev1.\n"
).replace("O'Vera", "O\u2019Vera")  # the tutorial's planner has a typographic apostrophe

# (case id, sqitch's verdict, plan text)
CASES: list[tuple[str, str, str]] = [
    # -- refused: reserved names, punctuation, hex ids --------------------------------------
    ("change-HEAD", "refuse", plan(f"HEAD {D}")),
    ("change-ROOT", "refuse", plan(f"ROOT {D}")),
    ("tag-HEAD", "refuse", plan(f"a {D}", f"@HEAD {D}")),
    ("tag-ROOT", "refuse", plan(f"a {D}", f"@ROOT {D}")),
    ("leading-dot", "refuse", plan(f".a {D}")),
    ("leading-comma", "refuse", plan(f",a {D}")),
    ("trailing-dash", "refuse", plan(f"a- {D}")),
    ("trailing-dot", "refuse", plan(f"a. {D}")),
    ("trailing-bang", "refuse", plan(f"a! {D}")),
    ("trailing-caret", "refuse", plan(f"a^ {D}")),
    ("tilde-digit-end", "refuse", plan(f"a~1 {D}")),
    ("caret-digit-end", "refuse", plan(f"a^2 {D}")),
    ("slash-digit-end", "refuse", plan(f"a/1 {D}")),
    ("equals-digit-end", "refuse", plan(f"a=1 {D}")),
    ("percent-digit-end", "refuse", plan(f"a%1 {D}")),
    ("tag-trailing-punct", "refuse", plan(f"a {D}", f"@v1. {D}")),
    ("tag-slash", "refuse", plan(f"a {D}", f"@release/1.0 {D}")),
    ("sha1-name", "refuse", plan(f"0123456789abcdef0123456789abcdef01234567 {D}")),
    ("sha1-prefix-name", "refuse", plan(f"0123456789abcdef0123456789abcdef01234567x {D}")),
    ("sha1-tag", "refuse", plan(f"a {D}", f"@0123456789abcdef0123456789abcdef01234567 {D}")),
    ("backslash-name", "refuse", plan(f"a\\b {D}")),
    ("nbsp-in-name", "refuse", plan(f"a\u00a0b {D}")),
    ("blank-in-name", "refuse", plan(f"a b {D}")),
    # -- refused: dependencies ---------------------------------------------------------------
    ("duplicate-dependency", "refuse", plan(f"a {D}", f"b [a a] {D}")),
    ("duplicate-conflict", "refuse", plan(f"a {D}", f"b [!a !a] {D}")),
    ("dependency-on-tag-line", "refuse", plan(f"a {D}", f"@t [a] {D}")),
    ("empty-brackets", "refuse", plan(f"a [] {D}")),
    ("leading-blank-in-brackets", "refuse", plan(f"a {D}", f"b [ a] {D}")),
    ("unclosed-bracket", "refuse", plan(f"a {D}", f"b [a {D}")),
    ("requires-itself", "refuse", plan(f"a [a] {D}")),
    ("requires-later", "refuse", plan(f"b [a] {D}", f"a {D}")),
    ("requires-unknown", "refuse", plan(f"a [zzz] {D}")),
    ("requires-unknown-tag", "refuse", plan(f"a {D}", f"b [@nope] {D}")),
    ("requires-change-at-unknown-tag", "refuse", plan(f"a {D}", f"b [a@nope] {D}")),
    ("requires-change-after-tag", "refuse", plan(f"a {D}", f"@t {D}", f"b [c@t] {D}",
                                                  f"c {D}")),
    ("requires-own-project-unknown", "refuse", plan(f"a {D}", f"b [p:zzz] {D}")),
    ("requires-reworked-name-at-old-tag", "refuse",
     plan(f"x {D}", f"@t {D}", f"x [x@t] {D}", f"@t2 {D}", f"y [x@t] {D}")),
    ("invalid-dependency", "refuse", plan(f"a {D}", f"b [a^] {D}")),
    # -- refused: lines, pragmas, dates, planners --------------------------------------------
    ("pragma-in-body", "refuse", plan(f"a {D}", "%foo=bar")),
    ("no-blank-after-header", "refuse", "%syntax-version=1.0.0\n%project=p\n" + f"a {D}\n"),
    ("comment-then-change-in-header", "refuse",
     "%syntax-version=1.0.0\n%project=p\n# hi\n" + f"a {D}\n"),
    ("missing-project", "refuse", "%syntax-version=1.0.0\n\n" + f"a {D}\n"),
    ("invalid-project", "refuse", plan(f"a {D}", header="%project=-p\n\n")),
    ("bare-hash-line", "refuse", plan(f"a {D}", "#")),
    ("form-feed-line", "refuse", plan(f"a {D}", "\x0c", f"b {D}")),
    ("feb-30", "refuse", plan("a 2024-02-30T00:00:00Z N <e@x>")),
    ("feb-29-non-leap", "refuse", plan("a 2023-02-29T00:00:00Z N <e@x>")),
    ("feb-29-1900", "refuse", plan("a 1900-02-29T00:00:00Z N <e@x>")),
    ("month-13", "refuse", plan("a 2024-13-01T00:00:00Z N <e@x>")),
    ("day-0", "refuse", plan("a 2024-01-00T00:00:00Z N <e@x>")),
    ("hour-24", "refuse", plan("a 2024-01-01T24:00:00Z N <e@x>")),
    ("minute-60", "refuse", plan("a 2024-01-01T00:60:00Z N <e@x>")),
    ("second-60-not-leap", "refuse", plan("a 2024-06-30T23:59:60Z N <e@x>")),
    ("second-60-wrong-minute", "refuse", plan("a 2016-12-31T23:58:60Z N <e@x>")),
    ("tag-impossible-date", "refuse", plan(f"a {D}", "@t 2024-04-31T00:00:00Z N <e@x>")),
    ("hash-in-email", "refuse", plan("a 2024-01-01T00:00:00Z N <e#x@y>")),
    ("no-blank-before-email", "refuse", plan("a 2024-01-01T00:00:00Z N<e@x>")),
    ("empty-email", "refuse", plan("a 2024-01-01T00:00:00Z N <>")),
    ("junk-after-email", "refuse", plan("a 2024-01-01T00:00:00Z N <e@x> junk")),
    ("missing-timestamp", "refuse", plan("a N <e@x>")),
    ("missing-planner", "refuse", plan("a 2024-01-01T00:00:00Z")),
    ("timestamp-without-z", "refuse", plan("a 2024-01-01T00:00:00 N <e@x>")),
    ("tag-before-change", "refuse", plan(f"@t {D}", f"a {D}")),
    ("duplicate-tag", "refuse", plan(f"a {D}", f"@t {D}", f"b {D}", f"@t {D}")),
    ("change-twice-without-tag", "refuse", plan(f"a {D}", f"b {D}", f"a {D}")),
    # -- accepted -----------------------------------------------------------------------------
    ("tutorial-no-blank-before-hash", "accept", TUTORIAL),
    ("plus-with-blanks", "accept", plan(f"+  a {D}", f"b [a] {D}")),
    ("minus-operator", "accept", plan(f"- a {D}")),
    ("pragma-without-value", "accept",
     plan(f"a {D}", header="%syntax-version=1.0.0\n%project=p\n% strict\n\n")),
    ("tag-only-dependency", "accept", plan(f"a {D}", f"@t1 {D}", f"b [@t1] {D}")),
    ("change-at-tag-dependency", "accept", plan(f"a {D}", f"@t1 {D}", f"b [a@t1 !c] {D}")),
    ("rework-requires-old-instance", "accept",
     plan(f"x {D}", f"@t {D}", f"x [x@t] {D}", f"@t2 {D2}", f"y [x] {D}")),
    ("rework-bare-self-name", "accept", plan(f"x {D}", f"@t {D}", f"x [x] {D}")),
    ("foreign-change-id", "accept",
     plan(f"a [q:0123456789abcdef0123456789abcdef01234567] {D}")),
    ("foreign-dependencies", "accept", plan(f"a [q:x q:y@t !q:z] {D}", f"b [a p:a] {D}")),
    ("require-and-conflict-same-name", "accept", plan(f"a {D}", f"b [a !a] {D}")),
    ("conflicts-listed-after-requires", "accept", plan(f"a {D}", f"c {D}", f"b [!c a] {D}")),
    ("blank-inside-brackets", "accept", plan(f"a [ ] {D}")),
    ("trailing-blank-in-brackets", "accept", plan(f"a {D}", f"b [a ] {D}")),
    ("tab-separated", "accept", plan("a\t[ ]\t2024-01-01T00:00:00Z\tN\t<e@x>\t#\tnote")),
    ("underscores", "accept", plan(f"_a {D}", f"a_ {D}")),
    ("inner-punctuation", "accept", plan(f"a.b {D}", f"a~b {D}", f'a"b {D}', f"a'b {D}",
                                         f"a!b {D}", f"a/1b {D}", f"x-y {D}")),
    ("slash-in-change-name", "accept", plan(f"schema/table {D}")),
    ("unicode-names", "accept", plan(f"café {D}", f"@v1_é {D}")),
    ("lowercase-head", "accept", plan(f"head {D}", f"@root {D}")),
    ("planner-trailing-blanks", "accept", plan("a 2024-01-01T00:00:00Z N   <e@x>")),
    ("planner-with-tab", "accept", plan("a 2024-01-01T00:00:00Z N\t<e@x>")),
    ("planner-punctuation", "accept", plan("a 2024-01-01T00:00:00Z D'Souza, Anaïs (DBA) <a@x.in>")),
    ("leap-second", "accept", plan("a 2016-12-31T23:59:60Z N <e@x>")),
    ("feb-29-leap-years", "accept", plan("a 2024-02-29T00:00:00Z N <e@x>",
                                         "b 2000-02-29T00:00:00Z N <e@x>")),
    ("year-zero", "accept", plan("a 0000-01-01T00:00:00Z N <e@x>")),
    ("notes-escapes-and-zero", "accept", plan(
        f"a {D} #   first\\nsecond \\\\ third \\t kept  ", f"b {D} # 0", f"c {D} #  0 ",
        f"@t {D} # \\r\\n", f"d {D} #")),
    ("comment-lines", "accept", plan("# a comment", f"a {D}", "  # indented", "#   ", f"b {D}")),
    ("header-comment", "accept", "%syntax-version=1.0.0\n# about\n%project=p\n\n" + f"a {D}\n"),
    ("header-ends-at-blank-comment", "accept", "%syntax-version=1.0.0\n%project=p\n#   \n" +
     f"a {D}\n"),
    ("header-ends-at-zero-comment", "accept", "%syntax-version=1.0.0\n%project=p\n# 0\n" +
     f"a {D}\n"),
    ("crlf", "accept", plan(f"a {D}", f"@t {D}", f"b [a] {D}").replace("\n", "\r\n")),
    ("no-final-newline", "accept", plan(f"a {D}", f"b {D}")[:-1]),
    ("no-changes", "accept", HEADER),
    ("pragma-note-and-blanks", "accept", plan(
        f"a {D}", header="  %  syntax-version = 9.9.9  # forced to 1.0.0\n%project=p # n\n\n")),
    ("duplicate-pragma", "accept", plan(f"a {D}",
                                        header="%syntax-version=1.0.0\n%project=q\n%project=p\n\n")),
    ("rework-with-tags", "accept",
     plan(f"a {D}", f"b [a] {D}", f"@v1 {D}", f"@v1.1 {D2}", f"a [a@v1] {D}", f"@v2 {D}",
          f"c [a@v2 b@v1] {D}")),
    ("blank-lines-and-spaces", "accept", plan("", f"   a {D}   ", "", "\t", f"b {D}")),
    # -- %uri: canonical form in every id --------------------------------------------------
    ("uri-upper-scheme-host-default-port", "accept",
     plan(f"a {D}", f"@t {D}", header=HEADER[:-1] + "%uri=HTTPS://Example.COM:443\n\n")),
    ("uri-http-empty-port-and-path", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=http://EXAMPLE.org:\n\n")),
    ("uri-other-port-kept", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=https://example.com:8443/A/%7euser/%2f\n\n")),
    ("uri-escaped-characters", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=https://example.com/a b/ü|x\n\n")),
    ("uri-wrapped-in-brackets", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=<URL:https://example.com/x>\n\n")),
    ("uri-urn", "accept", plan(f"a {D}", header=HEADER[:-1] + "%uri=URN:ISBN:0-395-36341-1\n\n")),
    ("uri-scp-like", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=git@GitHub.com:Org/repo.git\n\n")),
    ("uri-ssh-default-port", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=ssh://Git@GitHub.com:22/Org/repo\n\n")),
    ("uri-fragment-in-note", "accept",
     plan(f"a {D}", header=HEADER[:-1] + "%uri=https://example.com/x#frag\n\n")),
    ("uri-zero-is-no-uri", "accept", plan(f"a {D}", header=HEADER[:-1] + "%uri=0\n\n")),
    ("uri-international-host", "accept",
     plan(f"a {D}", f"@t {D}", header=HEADER[:-1] + "%uri=https://Bücher.Example:443/straße\n\n")),
]
