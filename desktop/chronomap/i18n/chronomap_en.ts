<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PassagePanel</name>
    <message numerus="yes">
        <source>Link %n selected sentence(s)</source>
        <translation>
            <numerusform>Link %n selected sentence</numerusform>
            <numerusform>Link %n selected sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s) no event tells yet (marked ○)</source>
        <translation>
            <numerusform>%n sentence no event tells yet (marked ○)</numerusform>
            <numerusform>%n sentences no event tells yet (marked ○)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before the pad locks.</numerusform>
            <numerusform>Wrong PIN. %n more tries before the pad locks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n place(s) left to check</source>
        <translation>
            <numerusform>%n place left to check</numerusform>
            <numerusform>%n places left to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message numerus="yes">
        <source>The story starts again in %n seconds.</source>
        <translation>
            <numerusform>The story starts again in %n second.</numerusform>
            <numerusform>The story starts again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioPanel</name>
    <message numerus="yes">
        <source>%n problem(s): the map shows the last version that loaded.</source>
        <translation>
            <numerusform>%n problem: the map shows the last version that loaded.</numerusform>
            <numerusform>%n problems: the map shows the last version that loaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowExhibits</name>
    <message numerus="yes">
        <source>%n problem(s) in {folder}. The current exhibit stays open.</source>
        <translation>
            <numerusform>%n problem in {folder}. The current exhibit stays open.</numerusform>
            <numerusform>%n problems in {folder}. The current exhibit stays open.</numerusform>
        </translation>
    </message>
</context>
</TS>
