@echo off
rem cc-telemetry launcher for Windows: builds the runnable jar on first use, then runs it.
setlocal
set "DIR=%~dp0"
set "JAR=%DIR%telemetry-cli\target\cc-telemetry.jar"
set "CDS=%DIR%telemetry-cli\target\cc-telemetry.jsa"
if not exist "%JAR%" (
  echo cc-telemetry: building the jar ^(first use^)... 1>&2
  pushd "%DIR%"
  call mvnw.cmd -q -B -DskipTests package 1>&2
  if errorlevel 1 (
    popd
    echo cc-telemetry: build failed; run "mvnw.cmd -B -DskipTests package" to see why 1>&2
    exit /b 1
  )
  popd
  if exist "%CDS%" del "%CDS%"
)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
rem The archive holds the classes of the run that makes it: a sync or a report makes it, not --version or --help.
rem Native access for SQLite's driver (JDK 24+ warn without it); an archive this JVM cannot use is skipped silently.
set "CDSOPT="
if exist "%CDS%" (
  set "CDSOPT=-XX:SharedArchiveFile=%CDS%"
) else (
  if /i "%~1"=="sync" set "CDSOPT=-XX:ArchiveClassesAtExit=%CDS%"
  if /i "%~1"=="report" set "CDSOPT=-XX:ArchiveClassesAtExit=%CDS%"
)
"%JAVA%" %CDSOPT% -Xshare:auto -XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1 -Djdk.nio.maxCachedBufferSize=262144 --enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=error:stderr -Xlog:cds*=off:stderr %CC_TELEMETRY_JAVA_OPTS% -cp "%JAR%" dev.cctelemetry.cli.Main %*
exit /b %ERRORLEVEL%
