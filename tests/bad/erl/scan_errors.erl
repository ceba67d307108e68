-module(scan_errors).
-export([ok/0]).

ok() -> 'ok'.
a() -> 1.0e400.
b() -> 37#10.
c() -> 16#.
d() -> "\x{110000}".
e() -> a ` b.
f() -> 'unterminated
