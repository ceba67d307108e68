%% n-body from the Computer Language Benchmarks Game: the Jovian planets
%% orbiting the Sun, integrated with a simple symplectic step; prints the
%% energy of the system before and after.
-module(nbody).
-export([main/0]).

-define(STEPS, 20000).
-define(PI, 3.141592653589793).
-define(SOLAR_MASS, (4 * ?PI * ?PI)).
-define(DAYS_PER_YEAR, 365.24).

%% A body is {X, Y, Z, VX, VY, VZ, Mass}.
bodies() ->
    [{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ?SOLAR_MASS},
     %% Jupiter
     {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03 * ?DAYS_PER_YEAR, 7.69901118419740425e-03 * ?DAYS_PER_YEAR,
      -6.90460016972063023e-05 * ?DAYS_PER_YEAR, 9.54791938424326609e-04 * ?SOLAR_MASS},
     %% Saturn
     {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03 * ?DAYS_PER_YEAR, 4.99852801234917238e-03 * ?DAYS_PER_YEAR,
      2.30417297573763929e-05 * ?DAYS_PER_YEAR, 2.85885980666130812e-04 * ?SOLAR_MASS},
     %% Uranus
     {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03 * ?DAYS_PER_YEAR, 2.37847173959480950e-03 * ?DAYS_PER_YEAR,
      -2.96589568540237556e-05 * ?DAYS_PER_YEAR, 4.36624404335156298e-05 * ?SOLAR_MASS},
     %% Neptune
     {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03 * ?DAYS_PER_YEAR, 1.62824170038242295e-03 * ?DAYS_PER_YEAR,
      -9.51592254519715870e-05 * ?DAYS_PER_YEAR, 5.15138902046611451e-05 * ?SOLAR_MASS}].

main() ->
    Bodies = offset_momentum(bodies()),
    io:format("~.9f~n", [energy(Bodies)]),
    io:format("~.9f~n", [energy(advance(?STEPS, Bodies, 0.01))]).

%% The Sun moves so that the total momentum is zero.
offset_momentum([{X, Y, Z, _, _, _, M} | Planets] = Bodies) ->
    {PX, PY, PZ} = lists:foldl(fun({_, _, _, VX, VY, VZ, Mi}, {AX, AY, AZ}) ->
                                       {AX + VX * Mi, AY + VY * Mi, AZ + VZ * Mi}
                               end, {0.0, 0.0, 0.0}, Bodies),
    [{X, Y, Z, -PX / ?SOLAR_MASS, -PY / ?SOLAR_MASS, -PZ / ?SOLAR_MASS, M} | Planets].

energy(Bodies) -> energy(Bodies, 0.0).

energy([], E) -> E;
energy([{X, Y, Z, VX, VY, VZ, M} | Rest], E) ->
    Kinetic = 0.5 * M * (VX * VX + VY * VY + VZ * VZ),
    Potential = lists:foldl(fun({X2, Y2, Z2, _, _, _, M2}, Acc) ->
                                    DX = X - X2, DY = Y - Y2, DZ = Z - Z2,
                                    Acc - M * M2 / math:sqrt(DX * DX + DY * DY + DZ * DZ)
                            end, 0.0, Rest),
    energy(Rest, E + Kinetic + Potential).

advance(0, Bodies, _) -> Bodies;
advance(N, Bodies, Dt) -> advance(N - 1, move(velocities(Bodies, Dt), Dt), Dt).

%% Each pair pulls on both its bodies: the first body of the list against
%% all the others, then the rest among themselves.
velocities([], _) -> [];
velocities([B | Rest], Dt) ->
    {B1, Rest1} = pull(B, Rest, Dt, []),
    [B1 | velocities(Rest1, Dt)].

pull(B, [], _, Acc) -> {B, lists:reverse(Acc)};
pull({X, Y, Z, VX, VY, VZ, M}, [{X2, Y2, Z2, VX2, VY2, VZ2, M2} | Rest], Dt, Acc) ->
    DX = X - X2, DY = Y - Y2, DZ = Z - Z2,
    D2 = DX * DX + DY * DY + DZ * DZ,
    Mag = Dt / (D2 * math:sqrt(D2)),
    B1 = {X, Y, Z, VX - DX * M2 * Mag, VY - DY * M2 * Mag, VZ - DZ * M2 * Mag, M},
    Other = {X2, Y2, Z2, VX2 + DX * M * Mag, VY2 + DY * M * Mag, VZ2 + DZ * M * Mag, M2},
    pull(B1, Rest, Dt, [Other | Acc]).

move(Bodies, Dt) ->
    [{X + Dt * VX, Y + Dt * VY, Z + Dt * VZ, VX, VY, VZ, M} || {X, Y, Z, VX, VY, VZ, M} <- Bodies].
