<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>opsflow::ContextPage</name>
    <message numerus="yes">
        <source>%n suggested answer(s)</source>
        <translation>
            <numerusform>%n suggested answer</numerusform>
            <numerusform>%n suggested answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n file(s) scanned; each is shown on the page of its question.</source>
        <translation>
            <numerusform>from %n file scanned; each is shown on the page of its question.</numerusform>
            <numerusform>from %n files scanned; each is shown on the page of its question.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::GeneratePage</name>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>%n line added</numerusform>
            <numerusform>%n lines added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Use the project&apos;s own ai-flow templates (%n file(s))</source>
        <translation>
            <numerusform>&amp;Use the project&apos;s own ai-flow templates (%n file)</numerusform>
            <numerusform>&amp;Use the project&apos;s own ai-flow templates (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::GenerationSession</name>
    <message numerus="yes">
        <source>%n document(s) written from the answers</source>
        <translation>
            <numerusform>%n document written from the answers</numerusform>
            <numerusform>%n documents written from the answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept as you edited it, by your choice</source>
        <translation>
            <numerusform>%n kept as you edited it, by your choice</numerusform>
            <numerusform>%n kept as you edited them, by your choice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date, not touched</source>
        <translation>
            <numerusform>%n already up to date, not touched</numerusform>
            <numerusform>%n already up to date, not touched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written, left as it was</source>
        <translation>
            <numerusform>%n could not be written, left as it was</numerusform>
            <numerusform>%n could not be written, left as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not written (see below)</source>
        <translation>
            <numerusform>%n not written (see below)</numerusform>
            <numerusform>%n not written (see below)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::PreflightPage</name>
    <message numerus="yes">
        <source>Answer &amp;only the %n missing question(s)</source>
        <translation>
            <numerusform>Answer &amp;only the %n missing question</numerusform>
            <numerusform>Answer &amp;only the %n missing questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::PreviewPane</name>
    <message numerus="yes">
        <source>… and %n more template error(s)</source>
        <translation>
            <numerusform>… and %n more template error</numerusform>
            <numerusform>… and %n more template errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::SuggestionBox</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s): %1</source>
        <translation>
            <numerusform>%n row: %1</numerusform>
            <numerusform>%n rows: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::TableField</name>
    <message numerus="yes">
        <source>A table holds at most %n rows.</source>
        <translation>
            <numerusform>A table holds at most %n row.</numerusform>
            <numerusform>A table holds at most %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>opsflow::cli</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
</TS>
