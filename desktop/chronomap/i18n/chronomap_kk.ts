<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>ArticlePanel</name>
    <message>
        <source>Article</source>
        <translation>Мақала</translation>
    </message>
    <message>
        <source>The article text. The passage being told is highlighted; sentences link to their event and place names to the map (the Down and Up arrow keys move between links, Enter follows one, Tab goes on past the article)</source>
        <translation>Мақала мәтіні. Әңгімеленіп жатқан үзінді ерекшеленген; сөйлемдер өз оқиғасына, жер атаулары картаға сілтейді (төмен және жоғары көрсеткі пернелері сілтемелер арасында ауысады, Enter сілтемені ашады, Tab мақаладан әрі өтеді)</translation>
    </message>
    <message>
        <source>Reviewing a draft: each place name the machine found is underlined by its status, solid when confirmed, dashed when guessed, wavy and in italics when unresolved; Enter on one selects it in the review</source>
        <translation>Жобаны тексеру: машина тапқан әр орын атауы күйіне қарай сызылған — расталса тұтас сызықпен, болжанса үзік сызықпен, анықталмаса толқын сызықпен және көлбеу әріппен; атаудағы Enter оны тексеруде таңдайды</translation>
    </message>
    <message>
        <source>Scroll the article</source>
        <translation>Мақаланы айналдыру</translation>
    </message>
    <message>
        <source>Scroll the article sideways</source>
        <translation>Мақаланы көлденең айналдыру</translation>
    </message>
    <message>
        <source>This article is not available in English; it is shown in the language it was written in.</source>
        <comment>shown when the exhibit has no article in the interface language</comment>
        <translation>Бұл мақала қазақ тілінде жоқ; ол түпнұсқа тілінде көрсетілген.</translation>
    </message>
    <message>
        <source>The quotation announced here is missing from the source text.</source>
        <translation>Мұнда айтылған дәйексөз бастапқы мәтінде жоқ.</translation>
    </message>
</context>
<context>
    <name>AttractBanner</name>
    <message>
        <source>Touch the screen to explore the story</source>
        <translation>Тарихпен танысу үшін экранды түртіңіз</translation>
    </message>
</context>
<context>
    <name>AudioButton</name>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  Кідірту</translation>
    </message>
    <message>
        <source>▶  Listen</source>
        <translation>▶  Тыңдау</translation>
    </message>
    <message>
        <source>Recording: {caption}</source>
        <translation>Жазба: {caption}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Жазбаны кідірту</translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation>Жазбаны ойнату</translation>
    </message>
    <message>
        <source>Its words are shown as captions while it plays.</source>
        <translation>Ол ойнап тұрғанда сөздері субтитр болып көрсетіледі.</translation>
    </message>
</context>
<context>
    <name>AudioControl</name>
    <message>
        <source>Play the recording</source>
        <translation>Жазбаны ойнату</translation>
    </message>
    <message>
        <source>Starts or pauses the recording</source>
        <translation>Жазбаны қосады немесе кідіртеді</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Жазбадағы орын</translation>
    </message>
    <message>
        <source>The arrow keys move by a second, Page Up and Page Down by five</source>
        <translation>Бағыт пернелері бір секундқа, Page Up және Page Down бес секундқа жылжытады</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Жазба мәтіні</translation>
    </message>
    <message>
        <source>What the recording says, in words</source>
        <translation>Жазбада айтылғаны, сөзбен</translation>
    </message>
    <message>
        <source>Recording: {caption}</source>
        <translation>Жазба: {caption}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>This computer cannot play sound here; the transcript says what the recording says.</source>
        <translation>Бұл компьютерде дыбыс ойнатылмайды; жазбада не айтылатыны мәтінде берілген.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Жазбаны кідірту</translation>
    </message>
    <message>
        <source>{position} of {duration}</source>
        <translation>{duration} ішінен {position}</translation>
    </message>
    <message>
        <source>The recording cannot be played: {reason}</source>
        <translation>Жазба ойнатылмайды: {reason}</translation>
    </message>
</context>
<context>
    <name>CreditPanel</name>
    <message>
        <source>Credit for</source>
        <extracomment>Fields of a credit a translation carries.</extracomment>
        <translation>Неге арналған</translation>
    </message>
    <message>
        <source>Credit text</source>
        <translation>Алғыс мәтіні</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Short form on the map</source>
        <translation>Картадағы қысқа түрі</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Алғыс пен дереккөздер</translation>
    </message>
    <message>
        <source>Add credit</source>
        <translation>Жол қосу</translation>
    </message>
    <message>
        <source>Add a credit line</source>
        <translation>Алғыс жолын қосу</translation>
    </message>
    <message>
        <source>Remove credit</source>
        <translation>Жолды жою</translation>
    </message>
    <message>
        <source>Remove the selected credit line</source>
        <translation>Таңдалған алғыс жолын жою</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>not stated yet</source>
        <translation>әзірге көрсетілмеген</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>a day</source>
        <extracomment>The forms the helper offers, in order (the key is what :func:`reshape` understands).</extracomment>
        <translation>күн</translation>
    </message>
    <message>
        <source>from … to …</source>
        <translation>… бастап … дейін</translation>
    </message>
    <message>
        <source>a month</source>
        <translation>ай</translation>
    </message>
    <message>
        <source>a season</source>
        <translation>маусым</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>жыл</translation>
    </message>
    <message>
        <source>a decade</source>
        <translation>онжылдық</translation>
    </message>
    <message>
        <source>approximate (~)</source>
        <translation>шамамен (~)</translation>
    </message>
    <message>
        <source>uncertain (?)</source>
        <translation>анық емес (?)</translation>
    </message>
    <message>
        <source>Form of the date…</source>
        <translation>Күн түрі…</translation>
    </message>
    <message>
        <source>Date (EDTF)</source>
        <translation>Күні (EDTF)</translation>
    </message>
    <message>
        <source>For example 1986-12-17, 1986-12, 1990-23 (autumn), 1986-12-17/1986-12-18, 1989-06-22? or 1991-08-~19</source>
        <translation>Мысалы 1986-12-17, 1986-12, 1990-23 (күз), 1986-12-17/1986-12-18, 1989-06-22? немесе 1991-08-~19</translation>
    </message>
    <message>
        <source>Rewrite the date as</source>
        <translation>Күнді былай жазу</translation>
    </message>
    <message>
        <source>Date problem</source>
        <translation>Күндегі қате</translation>
    </message>
    <message>
        <source>How visitors see the date in {language}</source>
        <translation>Келушілер күнді қалай көреді: {language}</translation>
    </message>
    <message>
        <source>Type a valid date first; the form is built from its first day.</source>
        <translation>Алдымен дұрыс күн енгізіңіз: түрі оның бірінші күнінен құрылады.</translation>
    </message>
</context>
<context>
    <name>DeskCard</name>
    <message>
        <source>Date: {note}</source>
        <translation>Күні: {note}</translation>
    </message>
    <message>
        <source>until {date}: {name}</source>
        <translation>{date} дейін: {name}</translation>
    </message>
    <message>
        <source>city</source>
        <translation>қала</translation>
    </message>
    <message>
        <source>region</source>
        <translation>өңір</translation>
    </message>
    <message>
        <source>republic</source>
        <translation>республика</translation>
    </message>
    <message>
        <source>state</source>
        <translation>мемлекет</translation>
    </message>
    <message>
        <source>{km} km from {place} (geodesic)</source>
        <translation>Қашықтығы: {place} — {km} км (геодезиялық)</translation>
    </message>
</context>
<context>
    <name>EditingSurfaces</name>
    <message>
        <source>Click the map where the place is.</source>
        <extracomment>Keys of a place record the page can take without being drawn again (where its point is).</extracomment>
        <translation>Орын тұрған жерді картадан шертіңіз.</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>Add</source>
        <extracomment>The events list keeps at least this height (px) above the form, which scrolls.</extracomment>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Add an event after the selected one</source>
        <translation>Таңдалғаннан кейін оқиға қосу</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Көшірме</translation>
    </message>
    <message>
        <source>Duplicate the selected event</source>
        <translation>Таңдалған оқиғаның көшірмесін жасау</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Delete the selected event</source>
        <translation>Таңдалған оқиғаны жою</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Ертерек</translation>
    </message>
    <message>
        <source>Move before the other event on the same day</source>
        <translation>Сол күнгі басқа оқиғаның алдына қою</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Move after the other event on the same day</source>
        <translation>Сол күнгі басқа оқиғаның артына қою</translation>
    </message>
    <message>
        <source>Events in time order</source>
        <translation>Оқиғалар уақыт ретімен</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Тақырып</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <source>Date note</source>
        <translation>Күнге ескерту</translation>
    </message>
    <message>
        <source>The event this date is counted from</source>
        <translation>Күн есептелетін оқиға</translation>
    </message>
    <message>
        <source>Days after it (negative: before)</source>
        <translation>Одан кейінгі күндер (минус: дейін)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> күн</translation>
    </message>
    <message>
        <source>The article&apos;s words for it</source>
        <translation>Мақаладағы сөздер</translation>
    </message>
    <message>
        <source>Nine days later</source>
        <translation>Тоғыз күннен кейін</translation>
    </message>
    <message>
        <source>Count from it</source>
        <translation>Одан санау</translation>
    </message>
    <message>
        <source>Date this event counted from the chosen one</source>
        <translation>Бұл оқиғаның күнін таңдалғаннан санау</translation>
    </message>
    <message>
        <source>Where the date comes from, when the article does not give it</source>
        <translation>Мақалада күн болмаса, ол қайдан алынғаны</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Тақырып</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>Қ&amp;ысқаша</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Күні</translation>
    </message>
    <message>
        <source>&amp;Or counted from</source>
        <translation>&amp;Немесе санау</translation>
    </message>
    <message>
        <source>Date &amp;note</source>
        <translation>Күнге &amp;ескерту</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(әзірге тақырыбы жоқ)</translation>
    </message>
    <message>
        <source>Given relative to another event: “{phrase}”</source>
        <translation>Күн басқа оқиғаға қатысты берілген: «{phrase}»</translation>
    </message>
</context>
<context>
    <name>EventReviewPanel</name>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Dated statements to review</source>
        <translation>Тексерілетін оқиғалар мен күндер</translation>
    </message>
    <message>
        <source>Each event the draft proposes, in time order; Enter accepts it</source>
        <translation>Жобада ұсынылған әр оқиға, уақыт ретімен; Enter оны қабылдайды</translation>
    </message>
    <message>
        <source>The sentence it came from:</source>
        <translation>Алынған сөйлемі:</translation>
    </message>
    <message>
        <source>The sentence the event came from</source>
        <translation>Оқиға алынған сөйлем</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Қабылдау</translation>
    </message>
    <message>
        <source>Accept the event and its date</source>
        <translation>Оқиғаны және оның күнін қабылдау</translation>
    </message>
    <message>
        <source>Fix the date</source>
        <translation>Күнін түзету</translation>
    </message>
    <message>
        <source>Give the event the date typed above</source>
        <translation>Оқиғаға жоғарыда жазылған күнді беру</translation>
    </message>
    <message>
        <source>Event to merge into</source>
        <translation>Біріктірілетін оқиға</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Merge the event into the one chosen: its sentences and places go there</source>
        <translation>Оқиғаны таңдалғанымен біріктіру: оның сөйлемдері мен орындары соған өтеді</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Drop the event: it is not part of the story</source>
        <translation>Оқиғаны алып тастау: ол тарихтың бөлігі емес</translation>
    </message>
    <message>
        <source>Review progress of the dated statements</source>
        <translation>Күндерді тексеру барысы</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>тексеру керек</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <source>{left} of {total} events left to check</source>
        <translation>Тексеруге қалған оқиғалар: {left}, барлығы {total}</translation>
    </message>
</context>
<context>
    <name>ExhibitOpenDialog</name>
    <message>
        <source>Open exhibit: a folder, or a TimelineJS / Linked Places file</source>
        <translation>Көрмені ашу: қалта немесе TimelineJS / Linked Places файлы</translation>
    </message>
    <message>
        <source>Exhibit folder or interchange file</source>
        <translation>Көрме қалтасы немесе алмасу файлы</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Барлық файлдар</translation>
    </message>
</context>
<context>
    <name>ExhibitPanel</name>
    <message>
        <source>Exhibit title</source>
        <translation>Көрме атауы</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Тақырыпша</translation>
    </message>
    <message>
        <source>Period (EDTF)</source>
        <translation>Кезең (EDTF)</translation>
    </message>
    <message>
        <source>Article source</source>
        <translation>Мақаланың дереккөзі</translation>
    </message>
    <message>
        <source>Article licence</source>
        <translation>Мақаланың лицензиясы</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Period problem</source>
        <translation>Кезеңдегі қате</translation>
    </message>
    <message>
        <source>Map frame</source>
        <translation>Карта жиегі</translation>
    </message>
    <message>
        <source>The map&apos;s first frame</source>
        <translation>Картаның алғашқы жиегі</translation>
    </message>
    <message>
        <source>Use this view</source>
        <translation>Осы көріністі алу</translation>
    </message>
    <message>
        <source>Make the map&apos;s current view the exhibit&apos;s first frame</source>
        <translation>Картаның қазіргі көрінісін көрменің алғашқы жиегі ету</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Алғыс пен дереккөздер</translation>
    </message>
    <message>
        <source>{south}° to {north}° north, {west}° to {east}° east</source>
        <translation>{south}°-тан {north}°-қа дейін с. е., {west}°-тан {east}°-қа дейін ш. б.</translation>
    </message>
    <message>
        <source>The map did not say where it is looking; try again.</source>
        <translation>Карта қайда қарап тұрғанын айтпады; қайталап көріңіз.</translation>
    </message>
</context>
<context>
    <name>ExplorerPresenter</name>
    <message>
        <source>Before the story begins</source>
        <extracomment>A layout&apos;s hook run before the article scrolls (the kiosk re-lays its side panel first).</extracomment>
        <translation>Тарих басталғанға дейін</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export snapshot</source>
        <extracomment>Where the dialog&apos;s size and position are kept between openings (and sessions).</extracomment>
        <translation>Карта суретін экспорттау</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Өлшемі</translation>
    </message>
    <message>
        <source>The size of the picture: the current view, a screen, a printed page, or your own</source>
        <translation>Сурет өлшемі: ағымдағы көрініс, экран, баспа беті немесе өзіңіз таңдаған</translation>
    </message>
    <message>
        <source>Current view ({width} × {height})</source>
        <translation>Ағымдағы көрініс ({width} × {height})</translation>
    </message>
    <message>
        <source>1920 × 1080 (slides, screens)</source>
        <translation>1920 × 1080 (слайдтар, экрандар)</translation>
    </message>
    <message>
        <source>3840 × 2160 (large screens)</source>
        <translation>3840 × 2160 (үлкен экрандар)</translation>
    </message>
    <message>
        <source>A4 landscape, 300 dpi (3508 × 2480)</source>
        <translation>A4 көлденең, 300 dpi (3508 × 2480)</translation>
    </message>
    <message>
        <source>A3 landscape, 300 dpi (4961 × 3508)</source>
        <translation>A3 көлденең, 300 dpi (4961 × 3508)</translation>
    </message>
    <message>
        <source>Custom size…</source>
        <translation>Басқа өлшем…</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Өлшемі:</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ені</translation>
    </message>
    <message>
        <source>Width of the picture in layout pixels</source>
        <translation>Суреттің ені, макет пикселімен</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Биіктігі</translation>
    </message>
    <message>
        <source>Height of the picture in layout pixels</source>
        <translation>Суреттің биіктігі, макет пикселімен</translation>
    </message>
    <message>
        <source>px</source>
        <translation>пкс</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Device pixels per layout pixel: larger makes labels finer and relatively smaller</source>
        <translation>Макеттің бір пикселіне келетін құрылғы пикселі: неғұрлым көп болса, жазулар соғұрлым нәзік әрі салыстырмалы түрде кішірек</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>масштаб</translation>
    </message>
    <message>
        <source>Pixels:</source>
        <translation>Пиксельдер:</translation>
    </message>
    <message>
        <source>Caption (title, date, event)</source>
        <translation>Тақырыпша (атауы, күні, оқиға)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Масштаб сызғышы</translation>
    </message>
    <message>
        <source>Attribution line</source>
        <translation>Дереккөздер жолы</translation>
    </message>
    <message>
        <source>Print the exhibit title, the date and the event over the map</source>
        <translation>Картаның үстіне көрменің атауын, күнін және оқиғаны басу</translation>
    </message>
    <message>
        <source>Print the legend of colours and lines</source>
        <translation>Түстер мен сызықтардың шартты белгілерін басу</translation>
    </message>
    <message>
        <source>Print a scale bar in kilometres</source>
        <translation>Километрмен масштаб сызғышын басу</translation>
    </message>
    <message>
        <source>Print the sources of the map data</source>
        <translation>Карта деректерінің дереккөздерін басу</translation>
    </message>
    <message>
        <source>Picture beside the map (caption and credit)</source>
        <translation>Картаның қасында сурет (жазуы мен дереккөзі)</translation>
    </message>
    <message>
        <source>Lay the map beside the event&apos;s first picture with its caption and credit; an event without a picture is exported as the plain map</source>
        <translation>Картаның қасына оқиғаның алғашқы суретін жазуымен және дереккөзімен қою; суреті жоқ оқиға жай карта ретінде экспортталады</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG суреті</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF құжаты</translation>
    </message>
</context>
<context>
    <name>KioskCard</name>
    <message>
        <source>Shows this place on the map, with what the exhibit says about it.</source>
        <extracomment>The languages, the card and its places take at most this share of the side panel&apos;s height. The words get at least this much (a line or two) when the share leaves less, but never so much that the article below is left with less than ARTICLE_LEAST (px), or ARTICLE_LEAST_BESIDE_A_PLACE while a place&apos;s details are shown (what the visitor just asked for comes first). Less room than this for the words and they get none (half a line would only look broken).</extracomment>
        <translation>Бұл жерді картадан және көрме ол туралы не айтатынын көрсетеді.</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Орындар</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <source>Scroll the event&apos;s words</source>
        <translation>Оқиға мәтінін айналдыру</translation>
    </message>
    <message>
        <source>Scroll the event&apos;s words sideways</source>
        <translation>Оқиға мәтінін көлденең айналдыру</translation>
    </message>
</context>
<context>
    <name>KioskLayout</name>
    <message>
        <source>Chronomap kiosk</source>
        <extracomment>The side panel takes this share of the screen&apos;s width, within these bounds (px). With large type the side panel is wider, so the card&apos;s words still fit beside the map.</extracomment>
        <translation>Chronomap киоскі</translation>
    </message>
    <message>
        <source>A map and a timeline of the exhibit, with its article.</source>
        <translation>Көрменің картасы мен уақыт шкаласы, мақаласымен бірге.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <translation>◀  Алдыңғы</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Алдыңғы оқиға</translation>
    </message>
    <message>
        <source>Goes back to the event before this one.</source>
        <translation>Алдыңғы оқиғаға оралады.</translation>
    </message>
    <message>
        <source>Next  ▶</source>
        <translation>Келесі  ▶</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Келесі оқиға</translation>
    </message>
    <message>
        <source>Goes on to the next event of the story.</source>
        <translation>Тарихтың келесі оқиғасына өтеді.</translation>
    </message>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  Кідірту</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Stops the story playing by itself.</source>
        <translation>Тарихтың өздігінен көрсетілуін тоқтатады.</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  Ойнату</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Plays the story, one event after another.</source>
        <translation>Тарихты оқиғадан оқиғаға көрсетеді.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Уақыт шкаласы</translation>
    </message>
    <message>
        <source>Drag along the timeline to move through time, or touch an event&apos;s mark to go to it. The Left and Right arrow keys step from event to event.</source>
        <translation>Уақыт бойынша жылжу үшін шкаланы сүйреңіз немесе оқиғаға өту үшін оның белгісін түртіңіз. Сол және оң жақ көрсеткі пернелері оқиғадан оқиғаға өтеді.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Мақала</translation>
    </message>
    <message>
        <source>The exhibit&apos;s article; the passage being told is highlighted. Touch a highlighted passage to go to its event, or a place name to see it on the map. The Up and Down arrow keys scroll it.</source>
        <translation>Көрменің мақаласы; баяндалып жатқан үзінді белгіленген. Оның оқиғасына өту үшін белгіленген үзіндіні, ал картадан көру үшін жер атауын түртіңіз. Жоғары және төмен көрсеткі пернелері мәтінді айналдырады.</translation>
    </message>
</context>
<context>
    <name>KioskMediaViewer</name>
    <message>
        <source>✕  Close</source>
        <translation>✕  Жабу</translation>
    </message>
    <message>
        <source>Close the picture</source>
        <translation>Суретті жабу</translation>
    </message>
    <message>
        <source>Goes back to the map.</source>
        <translation>Картаға қайтарады.</translation>
    </message>
    <message>
        <source>Previous picture</source>
        <translation>Алдыңғы сурет</translation>
    </message>
    <message>
        <source>Shows the picture before this one.</source>
        <translation>Осының алдындағы суретті көрсетеді.</translation>
    </message>
    <message>
        <source>Next picture</source>
        <translation>Келесі сурет</translation>
    </message>
    <message>
        <source>Shows the next picture.</source>
        <translation>Келесі суретті көрсетеді.</translation>
    </message>
    <message>
        <source>Enlarged picture</source>
        <translation>Үлкейтілген сурет</translation>
    </message>
    <message>
        <source>Touch the picture or Close to go back; swipe sideways for the next picture.</source>
        <translation>Қайту үшін суретті немесе «Жабу» түймесін түртіңіз; келесі суретті көру үшін бүйірге сырғытыңыз.</translation>
    </message>
    <message>
        <source>Touch it to close it.</source>
        <translation>Жабу үшін түртіңіз.</translation>
    </message>
    <message>
        <source>{n} / {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>Picture {n} of {total}</source>
        <translation>Сурет {n}, барлығы {total}</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Interface language</source>
        <translation>Интерфейс тілі</translation>
    </message>
    <message>
        <source>{language} — interface language</source>
        <translation>{language} — интерфейс тілі</translation>
    </message>
    <message>
        <source>Shows the whole kiosk in this language.</source>
        <translation>Бүкіл киоскіні осы тілде көрсетеді.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open exhibit…</source>
        <extracomment>What the window needs once it has an exhibit, and the frame does not: the model of the story and everything built from it. Imported when the window is filled (at a start from the memo, by the thread that reads the exhibit, while the map page loads: chronomap.desk.start_load). The window&apos;s size on a screen with room for it, in logical pixels. the moment the command line asked for (desk.app): a memo of this start opens there again</extracomment>
        <translation>Көрмені &amp;ашу…</translation>
    </message>
    <message>
        <source>Open an exhibit folder, a TimelineJS file or a Linked Places file</source>
        <translation>Көрме қалтасын, TimelineJS немесе Linked Places файлын ашу</translation>
    </message>
    <message>
        <source>&amp;New exhibit…</source>
        <translation>&amp;Жаңа көрме…</translation>
    </message>
    <message>
        <source>Make an exhibit from an article, drafted or empty, and edit it</source>
        <translation>Мақаладан көрме жасау — жоба немесе бос — және оны өңдеу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Шы&amp;ғу</translation>
    </message>
    <message>
        <source>E&amp;dit exhibit…</source>
        <translation>Көрмені &amp;өңдеу…</translation>
    </message>
    <message>
        <source>Correct events, dates and places beside the map (Ctrl+Shift+E)</source>
        <translation>Оқиғаларды, күндерді және орындарды карта жанында түзету (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <translation>◀  Алдыңғы</translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation>Алдыңғы оқиға (←)</translation>
    </message>
    <message>
        <source>Next  ▶</source>
        <translation>Келесі  ▶</translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation>Келесі оқиға (→)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Ба&amp;сы</translation>
    </message>
    <message>
        <source>First event (Home)</source>
        <translation>Бірінші оқиға (Home)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>Со&amp;ңы</translation>
    </message>
    <message>
        <source>Last event (End)</source>
        <translation>Соңғы оқиға (End)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Play or pause the story (Space)</source>
        <translation>Тарихты ойнату немесе кідірту (бос орын пернесі)</translation>
    </message>
    <message>
        <source>&amp;About Chronomap</source>
        <translation>Chronomap &amp;туралы</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>Суретті &amp;экспорттау…</translation>
    </message>
    <message>
        <source>Export the map at this moment as PNG or PDF (Ctrl+E)</source>
        <translation>Осы сәттегі картаны PNG не PDF ретінде экспорттау (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Copy snapshot</source>
        <translation>Суретті &amp;көшіру</translation>
    </message>
    <message>
        <source>Copy the map at this moment to the clipboard</source>
        <translation>Осы сәттегі картаны алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Жоғары контраст</translation>
    </message>
    <message>
        <source>Black on white with stronger outlines, for low vision</source>
        <translation>Ақ фонда қара, контурлары айқынырақ — нашар көретіндерге</translation>
    </message>
    <message>
        <source>&amp;Large text</source>
        <translation>&amp;Ірі қаріп</translation>
    </message>
    <message>
        <source>Larger type in the panels, the time bar and on the map</source>
        <translation>Панельдерде, уақыт жолағында және картада ірірек қаріп</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Т&amp;үзету</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Ө&amp;ту</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Оқиғалар</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Құралдар</translation>
    </message>
    <message>
        <source>Go to the previous event</source>
        <translation>Алдыңғы оқиғаға өту</translation>
    </message>
    <message>
        <source>Play the story event by event, or pause it</source>
        <translation>Тарихты оқиға бойынша ойнату немесе кідірту</translation>
    </message>
    <message>
        <source>Go to the next event</source>
        <translation>Келесі оқиғаға өту</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Ойнату жылдамдығы</translation>
    </message>
    <message>
        <source>How long each event stays on screen while playing</source>
        <translation>Ойнату кезінде әр оқиға экранда қанша уақыт тұрады</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Жылдамдық</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Current event</source>
        <translation>Ағымдағы оқиға</translation>
    </message>
    <message>
        <source>The event in focus, its date, summary and places; place names are links</source>
        <translation>Таңдалған оқиға: күні, қысқаша мазмұны және орындары; жер атаулары — сілтемелер</translation>
    </message>
    <message>
        <source>Scroll the current event</source>
        <translation>Ағымдағы оқиғаны айналдыру</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Басқа құралдар</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
</context>
<context>
    <name>MapWords</name>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>Happening on this day</source>
        <translation>Осы күні болып жатыр</translation>
    </message>
    <message>
        <source>The event told, over by this day</source>
        <comment>legend: a place of the event being told when that event has already ended</comment>
        <translation>Баяндалатын оқиға, бұл күнге дейін аяқталған</translation>
    </message>
    <message>
        <source>Earlier in the story</source>
        <translation>Тарихта бұрынырақ</translation>
    </message>
    <message>
        <source>Later in the story</source>
        <translation>Тарихта кейінірек</translation>
    </message>
    <message>
        <source>{name}, independent</source>
        <translation>{name}, тәуелсіз мемлекет</translation>
    </message>
    <message>
        <source>Other republics of the {union}</source>
        <translation>{union} құрамындағы басқа республикалар</translation>
    </message>
    <message>
        <source>Republics of the {union}</source>
        <translation>{union} республикалары</translation>
    </message>
    <message>
        <source>Frontier of the {union}</source>
        <translation>{union} шекарасы</translation>
    </message>
    <message>
        <source>{date}. Before the story begins; no place is highlighted.</source>
        <translation>{date}. Тарих әлі басталған жоқ; ешбір орын ерекшеленбеген.</translation>
    </message>
    <message>
        <source>{date}. {event}. Highlighted: {places}.</source>
        <translation>{date}. {event}. Ерекшеленгені: {places}.</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no place is highlighted</comment>
        <translation>ешнәрсе</translation>
    </message>
    <message>
        <source>km</source>
        <comment>kilometres, on the scale bar</comment>
        <translation>км</translation>
    </message>
    <message>
        <source>m</source>
        <comment>metres, on the scale bar</comment>
        <translation>м</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between place names in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Zoom in</source>
        <comment>the map&apos;s + button</comment>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <comment>the map&apos;s − button</comment>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Map</source>
        <comment>the map&apos;s area, as a screen reader names it</comment>
        <translation>Карта</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>Credit: {credit}</source>
        <translation>Дереккөз: {credit}</translation>
    </message>
    <message>
        <source>Credit not recorded</source>
        <translation>Дереккөзі көрсетілмеген</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Pictures and recordings</source>
        <translation>Суреттер мен жазбалар</translation>
    </message>
    <message>
        <source>The pictures and recordings of what the card shows, with their captions and credits</source>
        <translation>Карточкада көрсетілгенге қатысты суреттер мен жазбалар, жазуларымен және дереккөздерімен</translation>
    </message>
    <message>
        <source>Opens the picture larger</source>
        <translation>Суретті үлкейтіп ашады</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>{n} / {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>Picture {n} of {total}</source>
        <translation>Сурет {n}, барлығы {total}</translation>
    </message>
    <message>
        <source>Swipe sideways for the next picture.</source>
        <translation>Келесі суретті көру үшін бүйірге сырғытыңыз.</translation>
    </message>
    <message>
        <source>A picture. Touch it to see it larger.</source>
        <translation>Сурет. Үлкейту үшін түртіңіз.</translation>
    </message>
    <message>
        <source>Pictures and recordings</source>
        <translation>Суреттер мен жазбалар</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Жазба мәтіні</translation>
    </message>
    <message>
        <source>What the recording says, in words</source>
        <translation>Жазбада айтылғаны, сөзбен</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Алдыңғы</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Келесі ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Терезеге сыйдыру</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Previous picture</source>
        <translation>Алдыңғы сурет</translation>
    </message>
    <message>
        <source>Next picture</source>
        <translation>Келесі сурет</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit the picture to the window</source>
        <translation>Суретті терезеге сыйдыру</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Қарауды жабу</translation>
    </message>
    <message>
        <source>Shows the previous picture (Page Up, or ← when it fits)</source>
        <translation>Алдыңғы суретті көрсетеді (Page Up немесе сурет терезеге сыйғанда ←)</translation>
    </message>
    <message>
        <source>Shows the next picture (Page Down, or → when it fits)</source>
        <translation>Келесі суретті көрсетеді (Page Down немесе сурет терезеге сыйғанда →)</translation>
    </message>
    <message>
        <source>Makes the picture smaller (−)</source>
        <translation>Суретті кішірейтеді (−)</translation>
    </message>
    <message>
        <source>Makes the picture larger (+); the arrow keys then move it</source>
        <translation>Суретті үлкейтеді (+); содан кейін бағыт пернелері оны жылжытады</translation>
    </message>
    <message>
        <source>Shows the whole picture (0)</source>
        <translation>Суретті толық көрсетеді (0)</translation>
    </message>
    <message>
        <source>Back to the explorer (Esc)</source>
        <translation>Картаға оралу (Esc)</translation>
    </message>
    <message>
        <source>Picture viewer</source>
        <translation>Суретті қарау</translation>
    </message>
    <message>
        <source>The picture large, with its caption and credit</source>
        <translation>Сурет ірі, жазуымен және дереккөзімен</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{total} ішінен {n}</translation>
    </message>
    <message>
        <source>The picture; the arrow keys move it when zoomed</source>
        <translation>Сурет; үлкейтілгенде бағыт пернелері оны жылжытады</translation>
    </message>
</context>
<context>
    <name>NewExhibitDialog</name>
    <message>
        <source>New exhibit</source>
        <translation>Жаңа көрме</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Қалта:</translation>
    </message>
    <message>
        <source>Folder for the new exhibit (new or empty)</source>
        <translation>Жаңа көрмеге арналған қалта (жаңа немесе бос)</translation>
    </message>
    <message>
        <source>a new or empty folder</source>
        <translation>жаңа немесе бос қалта</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Таңдау…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Қалтаны таңдау</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>&amp;Мақала:</translation>
    </message>
    <message>
        <source>Open an article &amp;file…</source>
        <translation>Мақала &amp;файлын ашу…</translation>
    </message>
    <message>
        <source>The article&apos;s text</source>
        <translation>Мақаланың мәтіні</translation>
    </message>
    <message>
        <source>Type or paste the article here: &apos;= Title =&apos; on the first line, &apos;==Section==&apos; headings, a blank line between paragraphs</source>
        <translation>Мақаланы осында теріңіз немесе қойыңыз: бірінші жолда «= Тақырып =», бөлім тақырыптары «==Бөлім==», азат жолдар арасында бос жол</translation>
    </message>
    <message>
        <source>&amp;Draft events and places from the article</source>
        <translation>Мақаладан оқиғалар мен орындардың &amp;жобасын жасау</translation>
    </message>
    <message>
        <source>&amp;Start empty (one placeholder event and place to change)</source>
        <translation>&amp;Бос бастау (өзгертуге арналған бір дайындама оқиға мен орын)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Жасау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Folder for the new exhibit (an empty one)</source>
        <translation>Жаңа көрмеге арналған қалта (бос)</translation>
    </message>
    <message>
        <source>The article</source>
        <translation>Мақала</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Мақалалар</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Барлық файлдар</translation>
    </message>
    <message>
        <source>Name a folder for the new exhibit.</source>
        <translation>Жаңа көрмеге қалта көрсетіңіз.</translation>
    </message>
</context>
<context>
    <name>PassagePanel</name>
    <message>
        <source>Sentences of the article; ticked ones tell the selected event</source>
        <extracomment>Characters of a sentence shown in the list (the rest is in its tooltip).</extracomment>
        <translation>Мақала сөйлемдері; белгіленгендері таңдалған оқиға туралы</translation>
    </message>
    <message>
        <source>Link the sentences selected in the article to this event</source>
        <translation>Мақалада белгіленген сөйлемдерді осы оқиғамен байланыстыру</translation>
    </message>
    <message>
        <source>Unlink the sentences selected in the article from this event</source>
        <translation>Мақалада белгіленген сөйлемдерді осы оқиғадан ажырату</translation>
    </message>
    <message>
        <source>New event from this sentence</source>
        <translation>Осы сөйлемнен жаңа оқиға</translation>
    </message>
    <message>
        <source>Add an event telling the sentence selected in the article or in the list</source>
        <translation>Мақалада немесе тізімде белгіленген сөйлем айтатын оқиғаны қосу</translation>
    </message>
    <message numerus="yes">
        <source>Link %n selected sentence(s)</source>
        <translation>
            <numerusform>Белгіленген %n сөйлемді байланыстыру</numerusform>
            <numerusform>Белгіленген %n сөйлемді байланыстыру</numerusform>
        </translation>
    </message>
    <message>
        <source>Select sentences in the article to link them</source>
        <translation>Байланыстыру үшін мақаладан сөйлемдерді белгілеңіз</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Ажырату</translation>
    </message>
    <message>
        <source>“{sentence}”

Its date (EDTF: 1990, 1990-03, 1990-03-03):</source>
        <translation>«{sentence}»

Оның күні (EDTF: 1990, 1990-03, 1990-03-03):</translation>
    </message>
    <message>
        <source>Told by: {events}</source>
        <translation>Қай оқиға туралы: {events}</translation>
    </message>
    <message>
        <source>No event tells this sentence yet</source>
        <translation>Бұл сөйлем әзірге ешбір оқиғамен байланыспаған</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s) no event tells yet (marked ○)</source>
        <translation>
            <numerusform>%n сөйлем әзірге ешбір оқиғамен байланыспаған (○ белгісімен)</numerusform>
            <numerusform>%n сөйлем әзірге ешбір оқиғамен байланыспаған (○ белгісімен)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
        <extracomment>The pad&apos;s one width (px): the keys&apos; grid with room round it, and the messages wrapped in it. A key&apos;s one size (px): the style sheet&apos;s least size for a key (124×96) and its widest border (the 5-px focus frame) all round, so a key taking focus does not grow and push its neighbours. On a short screen the keys (and Cancel) are lower, down to this (still a large touch target). Every message the modes send, with the values that make it shortest and longest (a lockout is at most an hour): the message keeps the height of the tallest.</extracomment>
        <translation>Қызметкерлерге арналған шығу</translation>
    </message>
    <message>
        <source>Staff PIN pad</source>
        <translation>Қызметкерлердің PIN панелі</translation>
    </message>
    <message>
        <source>Staff enter their PIN here to close the kiosk.</source>
        <translation>Қызметкерлер киоскіні жабу үшін PIN кодын осында енгізеді.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Adds this digit to the PIN.</source>
        <translation>Бұл цифрды PIN кодқа қосады.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <source>Removes the last digit.</source>
        <translation>Соңғы цифрды өшіреді.</translation>
    </message>
    <message>
        <source>Checks the PIN.</source>
        <translation>PIN кодты тексереді.</translation>
    </message>
    <message>
        <source>Closes the PIN pad; the kiosk carries on.</source>
        <translation>PIN панелін жабады; киоск жұмысын жалғастырады.</translation>
    </message>
    <message>
        <source>Staff exit is not set up on this kiosk.</source>
        <translation>Бұл киоскіде қызметкерлерге арналған шығу бапталмаған.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>PIN қате. Панель бұғатталғанға дейін тағы %n әрекет қалды.</numerusform>
            <numerusform>PIN қате. Панель бұғатталғанға дейін тағы %n әрекет қалды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>Қате PIN тым көп енгізілді. %n секундтан кейін қайталап көріңіз.</numerusform>
            <numerusform>Қате PIN тым көп енгізілді. %n секундтан кейін қайталап көріңіз.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Қызметкердің PIN кодын енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>PlacePanel</name>
    <message>
        <source>Drawn on the map as</source>
        <translation>Картада қалай көрсетіледі</translation>
    </message>
    <message>
        <source>a point only</source>
        <translation>тек нүкте</translation>
    </message>
    <message>
        <source>{name} — this exhibit&apos;s outline</source>
        <translation>{name} — осы көрменің контуры</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <extracomment>An arrow key in a coordinate field moves the point this far (degrees); Page Up/Down ten times as far. Where the loaded exhibit draws a place (a point from the gazetteer cache has no &quot;point&quot; in its record).</extracomment>
        <translation>&amp;Ендік</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>&amp;Бойлық</translation>
    </message>
    <message>
        <source>Latitude of the place, degrees north</source>
        <translation>Орынның ендігі, солтүстік ендік градусы</translation>
    </message>
    <message>
        <source>Longitude of the place, degrees east</source>
        <translation>Орынның бойлығы, шығыс бойлық градусы</translation>
    </message>
    <message>
        <source>Type degrees, or nudge the point with ↑/↓ ({step}°) and Page Up/Down</source>
        <translation>Градусты жазыңыз немесе нүктені ↑/↓ ({step}°) және Page Up/Down пернелерімен жылжытыңыз</translation>
    </message>
    <message>
        <source>Historical names</source>
        <translation>Тарихи атаулар</translation>
    </message>
    <message>
        <source>Historical name (English)</source>
        <translation>Тарихи атауы (ағылшынша)</translation>
    </message>
    <message>
        <source>Historical name</source>
        <translation>Тарихи атауы</translation>
    </message>
    <message>
        <source>In use until (EDTF)</source>
        <translation>Қолданылған мерзімі (EDTF)</translation>
    </message>
    <message>
        <source>until 1992-12-31</source>
        <translation>1992-12-31 дейін</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>Атау қосу</translation>
    </message>
    <message>
        <source>Add the historical name</source>
        <translation>Тарихи атауды қосу</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Атауды алып тастау</translation>
    </message>
    <message>
        <source>Remove the selected historical name</source>
        <translation>Таңдалған тарихи атауды алып тастау</translation>
    </message>
    <message>
        <source>Role of the place in this event</source>
        <translation>Орынның осы оқиғадағы рөлі</translation>
    </message>
    <message>
        <source>What happened there</source>
        <translation>Онда не болды</translation>
    </message>
    <message>
        <source>Remove from event</source>
        <translation>Оқиғадан алып тастау</translation>
    </message>
    <message>
        <source>Remove the place from this event</source>
        <translation>Орынды осы оқиғадан алып тастау</translation>
    </message>
    <message>
        <source>Another place of the exhibit</source>
        <translation>Көрменің басқа орны</translation>
    </message>
    <message>
        <source>Add to event</source>
        <translation>Оқиғаға қосу</translation>
    </message>
    <message>
        <source>Add the chosen place to this event</source>
        <translation>Таңдалған орынды осы оқиғаға қосу</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Ел</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Халқы</translation>
    </message>
    <message>
        <source>Places of this event</source>
        <translation>Осы оқиғаның орындары</translation>
    </message>
    <message>
        <source>Place name in {language}</source>
        <translation>Орын атауы: {language}</translation>
    </message>
    <message>
        <source>Search the gazetteer by any name…</source>
        <translation>Орындар анықтамалығынан кез келген атау бойынша іздеу…</translation>
    </message>
    <message>
        <source>Search the gazetteer</source>
        <translation>Орындар анықтамалығынан іздеу</translation>
    </message>
    <message>
        <source>Gazetteer candidates</source>
        <translation>Табылған орындар</translation>
    </message>
    <message>
        <source>Move the place here</source>
        <translation>Орынды осында жылжыту</translation>
    </message>
    <message>
        <source>Add as a new place</source>
        <translation>Жаңа орын ретінде қосу</translation>
    </message>
    <message>
        <source>Role of the new place in the event</source>
        <translation>Жаңа орынның оқиғадағы рөлі</translation>
    </message>
    <message>
        <source>Put the place at the map&apos;s centre</source>
        <translation>Орынды картаның ортасына қою</translation>
    </message>
    <message>
        <source>New place at the map&apos;s centre</source>
        <translation>Картаның ортасында жаңа орын</translation>
    </message>
    <message>
        <source>Add a new place, named as searched, at the map&apos;s centre</source>
        <translation>Іздеудегі атаумен картаның ортасына жаңа орын қосу</translation>
    </message>
    <message>
        <source>Click the map to place</source>
        <translation>Картадан көрсету</translation>
    </message>
    <message>
        <source>Put the selected place where you click the map next</source>
        <translation>Таңдалған орынды картадағы шерткен жеріңізге қою</translation>
    </message>
    <message>
        <source>Then drag the red handle on the map to move it</source>
        <translation>Содан кейін жылжыту үшін картадағы қызыл белгіні сүйреңіз</translation>
    </message>
    <message>
        <source>New place where I click</source>
        <translation>Шерткен жердегі жаңа орын</translation>
    </message>
    <message>
        <source>Add a new place, named as searched, where you click the map next</source>
        <translation>Ізделген атаумен жаңа орынды картадағы шерткен жеріңізге қосу</translation>
    </message>
    <message>
        <source>{name} until {until}</source>
        <translation>{name}, {until} дейін</translation>
    </message>
    <message>
        <source>Point: {lat:.4f}, {lon:.4f}</source>
        <translation>Нүкте: {lat:.4f}, {lon:.4f}</translation>
    </message>
    <message>
        <source>Not placed yet: the map leaves it out until you place it (click the map, type its degrees or choose a gazetteer candidate)</source>
        <translation>Әлі орналастырылмаған: оны орналастырмайынша картада жоқ (картаны басыңыз, градусын теріңіз немесе анықтамалықтағы нұсқаны таңдаңыз)</translation>
    </message>
    <message>
        <source>Point from the gazetteer cache: {key}</source>
        <translation>Анықтамалықтағы нүкте: {key}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Places ({left} of {total} left)</source>
        <translation>Орындар (қалғаны {left} / {total})</translation>
    </message>
    <message>
        <source>Dated statements ({left} of {total} left)</source>
        <translation>Күндер (қалғаны {left} / {total})</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Placed at</source>
        <translation>Қай жерде</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Ел</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Халқы</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Қашықтық</translation>
    </message>
    <message>
        <source>Places to review</source>
        <translation>Тексерілетін орындар</translation>
    </message>
    <message>
        <source>Gazetteer candidates for the place</source>
        <translation>Анықтамалықтағы нұсқалар</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
    <message>
        <source>Confirm the place where it is</source>
        <translation>Орынды тұрған жерінде растау</translation>
    </message>
    <message>
        <source>Use this candidate</source>
        <translation>Осы нұсқаны таңдау</translation>
    </message>
    <message>
        <source>Move the place to the selected candidate</source>
        <translation>Орынды таңдалған нұсқаға жылжыту</translation>
    </message>
    <message>
        <source>Not a place</source>
        <translation>Орын емес</translation>
    </message>
    <message>
        <source>Not a place: take it out of the exhibit</source>
        <translation>Орын емес: көрмеден алып тастау</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Іздеу…</translation>
    </message>
    <message>
        <source>Search the gazetteer for this name in the Places tab</source>
        <translation>Бұл атауды «Орындар» қойындысында анықтамалықтан іздеу</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>Тексеру барысы</translation>
    </message>
    <message>
        <source>What to review</source>
        <translation>Не тексеріледі</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>тексеру керек</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>тексерілді</translation>
    </message>
    <message>
        <source>own point</source>
        <translation>өз нүктесі</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>әлі орналастырылмаған</translation>
    </message>
    <message>
        <source>nowhere: not on the map until placed</source>
        <translation>еш жерде: орналастырылғанша картада жоқ</translation>
    </message>
    <message>
        <source>its own point</source>
        <translation>өз нүктесі</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) left to check</source>
        <translation>
            <numerusform>тексеруге %n орын қалды</numerusform>
            <numerusform>тексеруге %n орын қалды</numerusform>
        </translation>
    </message>
    <message>
        <source>here</source>
        <translation>осында</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Әлі осындасыз ба?</translation>
    </message>
    <message>
        <source>Touch the screen to keep exploring.</source>
        <translation>Жалғастыру үшін экранды түртіңіз.</translation>
    </message>
    <message>
        <source>Keep exploring</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <source>The kiosk will start again unless someone touches the screen.</source>
        <translation>Экранды ешкім түртпесе, киоск қайтадан басталады.</translation>
    </message>
    <message>
        <source>Carries on where you were.</source>
        <translation>Тоқтаған жеріңізден жалғастырады.</translation>
    </message>
    <message numerus="yes">
        <source>The story starts again in %n seconds.</source>
        <translation>
            <numerusform>Тарих %n секундтан кейін қайта басталады.</numerusform>
            <numerusform>Тарих %n секундтан кейін қайта басталады.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioDock</name>
    <message>
        <source>Exhibit editor</source>
        <extracomment>The editor keeps at least this width beside the map (px).</extracomment>
        <translation>Көрме редакторы</translation>
    </message>
</context>
<context>
    <name>StudioMediaPanel</name>
    <message>
        <source>Attach…</source>
        <translation>Тіркеу…</translation>
    </message>
    <message>
        <source>Attach a picture or a recording; it is copied into the exhibit&apos;s media folder when you save</source>
        <translation>Сурет не жазба тіркеу; сақтағанда файл көрменің media қалтасына көшіріледі</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Move the selected item up (the first picture is the one shown and exported)</source>
        <translation>Таңдалғанды жоғары жылжыту (көрсетілетін және экспортталатын — бірінші сурет)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>Таңдалғанды төмен жылжыту</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Take the selected item off (its file stays in the folder)</source>
        <translation>Таңдалғанды алып тастау (файлы қалтада қалады)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Жазуы</translation>
    </message>
    <message>
        <source>C&amp;redit</source>
        <translation>&amp;Дереккөз</translation>
    </message>
    <message>
        <source>L&amp;icence</source>
        <translation>&amp;Лицензия</translation>
    </message>
    <message>
        <source>&amp;Alt text</source>
        <translation>&amp;Балама мәтін</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>Жазба &amp;мәтіні</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Жазуы</translation>
    </message>
    <message>
        <source>Credit: who made it</source>
        <translation>Дереккөз: авторы кім</translation>
    </message>
    <message>
        <source>Licence (one for every language; leave empty when not known)</source>
        <translation>Лицензия (барлық тілге біреу; белгісіз болса, бос қалдырыңыз)</translation>
    </message>
    <message>
        <source>Alt text: what the picture shows, for visitors who cannot see it</source>
        <translation>Балама мәтін: суретте не бейнеленгені, оны көре алмайтын келушілер үшін</translation>
    </message>
    <message>
        <source>Transcript: what the recording says, for visitors who cannot hear it</source>
        <translation>Жазба мәтіні: жазбада не айтылатыны, оны ести алмайтын келушілер үшін</translation>
    </message>
    <message>
        <source>Whose media: the event or a place</source>
        <translation>Кімнің материалдары: оқиғаның не орынның</translation>
    </message>
    <message>
        <source>Pictures and recordings, in order</source>
        <translation>Суреттер мен жазбалар ретімен</translation>
    </message>
    <message>
        <source>Language of the texts</source>
        <translation>Мәтіндердің тілі</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиа</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Оқиға: {title}</translation>
    </message>
    <message>
        <source>Place: {name}</source>
        <translation>Орын: {name}</translation>
    </message>
    <message>
        <source>Attach a picture or a recording</source>
        <translation>Сурет не жазба тіркеу</translation>
    </message>
    <message>
        <source>Pictures and recordings</source>
        <translation>Суреттер мен жазбалар</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Сурет</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Жазба</translation>
    </message>
</context>
<context>
    <name>StudioPanel</name>
    <message>
        <source>Unsaved work found</source>
        <translation>Сақталмаған жұмыс табылды</translation>
    </message>
    <message>
        <source>Changes to this exhibit were not saved when Chronomap last stopped. Restore them?</source>
        <translation>Chronomap соңғы рет тоқтағанда осы көрменің өзгерістері сақталмаған. Қалпына келтіру керек пе?</translation>
    </message>
    <message>
        <source>Event</source>
        <extracomment>Typing is shown on the map after this pause (each check loads the whole exhibit: ~10 ms here).</extracomment>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Аудармалар</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Орындар</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Үзінділер</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Көрме</translation>
    </message>
    <message>
        <source>Problems that stop a save</source>
        <translation>Сақтауға кедергі қателер</translation>
    </message>
    <message>
        <source>Editor status</source>
        <translation>Редактор күйі</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>The exhibit has changes that are not saved. Save them?</source>
        <translation>Көрмеде сақталмаған өзгерістер бар. Сақтау керек пе?</translation>
    </message>
    <message>
        <source>The map did not say where it is looking; try again.</source>
        <translation>Карта қайда қарап тұрғанын айтпады; қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Not saved: the date field holds a date the timeline cannot read ({problem}).</source>
        <translation>Сақталмады: күн өрісінде уақыт шкаласы оқи алмайтын күн тұр ({problem}).</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Файл дискіде өзгерген</translation>
    </message>
    <message>
        <source>{files} changed on disk since the editor opened it. Overwrite it with your version?</source>
        <translation>{files}: редактор ашқаннан кейін файл дискіде өзгерді. Оның орнына сіздің нұсқаңызды жазу керек пе?</translation>
    </message>
    <message>
        <source>Not saved: {files} changed on disk; reopen the exhibit to see that version.</source>
        <translation>Сақталмады: {files} дискіде өзгерді; сол нұсқаны көру үшін көрмені қайта ашыңыз.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Сақталмады: {reason}</translation>
    </message>
    <message>
        <source>Saved: {files}</source>
        <translation>Сақталды: {files}</translation>
    </message>
    <message>
        <source>Nothing to save: the files are unchanged.</source>
        <translation>Сақтайтын ештеңе жоқ: файлдар өзгермеген.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the map shows the last version that loaded.</source>
        <translation>
            <numerusform>%n қате: картада соңғы жүктелген нұсқа.</numerusform>
            <numerusform>%n қате: картада соңғы жүктелген нұсқа.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioUndo</name>
    <message>
        <source>Restore unsaved work</source>
        <extracomment>The model&apos;s step labels (English, Qt-free) in the interface language, as the Edit menu names them.</extracomment>
        <translation>Сақталмаған жұмысты қалпына келтіру</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Оқиға қосу</translation>
    </message>
    <message>
        <source>Duplicate event</source>
        <translation>Оқиғаның көшірмесін жасау</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Оқиғаны жою</translation>
    </message>
    <message>
        <source>Move event</source>
        <translation>Оқиғаны жылжыту</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Атауын өзгерту</translation>
    </message>
    <message>
        <source>Edit summary</source>
        <translation>Сипаттамасын өзгерту</translation>
    </message>
    <message>
        <source>Edit date note</source>
        <translation>Күн ескертпесін өзгерту</translation>
    </message>
    <message>
        <source>Set date</source>
        <translation>Күнін белгілеу</translation>
    </message>
    <message>
        <source>Set relative date</source>
        <translation>Күнін басқа оқиғадан санау</translation>
    </message>
    <message>
        <source>Link passages</source>
        <translation>Үзінділерді байланыстыру</translation>
    </message>
    <message>
        <source>Link place</source>
        <translation>Орынды байланыстыру</translation>
    </message>
    <message>
        <source>Unlink place</source>
        <translation>Орынды ажырату</translation>
    </message>
    <message>
        <source>Edit role</source>
        <translation>Орынның рөлін өзгерту</translation>
    </message>
    <message>
        <source>Edit exhibit title</source>
        <translation>Көрме атауын өзгерту</translation>
    </message>
    <message>
        <source>Edit exhibit subtitle</source>
        <translation>Көрменің тақырыпшасын өзгерту</translation>
    </message>
    <message>
        <source>Edit article source</source>
        <translation>Мақаланың дереккөзін өзгерту</translation>
    </message>
    <message>
        <source>Edit article licence</source>
        <translation>Мақаланың лицензиясын өзгерту</translation>
    </message>
    <message>
        <source>Edit credits</source>
        <translation>Алғыстарды өзгерту</translation>
    </message>
    <message>
        <source>Set period</source>
        <translation>Кезеңін белгілеу</translation>
    </message>
    <message>
        <source>Set map frame</source>
        <translation>Карта жиегін белгілеу</translation>
    </message>
    <message>
        <source>Add place</source>
        <translation>Орын қосу</translation>
    </message>
    <message>
        <source>Move place</source>
        <translation>Орынды жылжыту</translation>
    </message>
    <message>
        <source>Choose place</source>
        <translation>Орынды таңдау</translation>
    </message>
    <message>
        <source>Confirm place</source>
        <translation>Орынды растау</translation>
    </message>
    <message>
        <source>Choose candidate</source>
        <translation>Үміткерді таңдау</translation>
    </message>
    <message>
        <source>Set region</source>
        <translation>Аймағын белгілеу</translation>
    </message>
    <message>
        <source>Add historical name</source>
        <translation>Тарихи атау қосу</translation>
    </message>
    <message>
        <source>Remove historical name</source>
        <translation>Тарихи атауды жою</translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation>Орын атауын өзгерту</translation>
    </message>
    <message>
        <source>Delete place</source>
        <translation>Орынды жою</translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation>Оқиғаны қабылдау</translation>
    </message>
    <message>
        <source>Fix date</source>
        <translation>Күнін түзету</translation>
    </message>
    <message>
        <source>Merge events</source>
        <translation>Оқиғаларды біріктіру</translation>
    </message>
    <message>
        <source>New event from sentence</source>
        <translation>Сөйлемнен жаңа оқиға</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <extracomment>Keys that undo and redo in the editor, wherever the focus is in its window.</extracomment>
        <translation>«{action}» &amp;болдырмау</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>«{action}» &amp;қайталау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
</context>
<context>
    <name>TimelineSlider</name>
    <message>
        <source>Timeline</source>
        <extracomment>True before the first change of a drag (the pointer moved while pressed), False when it is released. Changes while :attr:`dragging` come faster than a glide could follow: the map jumps instead. the narrowest an approximate or uncertain date is drawn, in pixels</extracomment>
        <translation>Уақыт шкаласы</translation>
    </message>
    <message>
        <source>Drag, or use Shift+Left/Right (a day) and Page Up/Page Down (a month), to move through time; Left and Right step from event to event</source>
        <translation>Уақыт бойымен жылжу үшін сүйреңіз немесе Shift+←/→ (бір күн) және Page Up/Page Down (бір ай) пернелерін басыңыз; ← және → оқиғадан оқиғаға өтеді</translation>
    </message>
    <message>
        <source>Drag to move through time; click an event mark to jump to it</source>
        <translation>Уақыт бойымен жылжу үшін сүйреңіз; оқиғаға өту үшін оның белгісін басыңыз</translation>
    </message>
</context>
<context>
    <name>WindowExhibits</name>
    <message>
        <source>Draft exhibit</source>
        <translation>Көрме жобасы</translation>
    </message>
    <message>
        <source>A draft was made from {name}. Check it before showing it to visitors.</source>
        <translation>{name} файлы бойынша жоба жасалды. Келушілерге көрсетпес бұрын оны тексеріңіз.</translation>
    </message>
    <message>
        <source>This exhibit cannot be opened</source>
        <translation>Бұл көрмені ашу мүмкін емес</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in {folder}. The current exhibit stays open.</source>
        <translation>
            <numerusform>{folder} ішінде %n қате бар. Ағымдағы көрме ашық қалады.</numerusform>
            <numerusform>{folder} ішінде %n қате бар. Ағымдағы көрме ашық қалады.</numerusform>
        </translation>
    </message>
    <message>
        <source>About Chronomap</source>
        <translation>Chronomap туралы</translation>
    </message>
    <message>
        <source>not stated in the text as received</source>
        <translation>алынған мәтінде көрсетілмеген</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>Article translated by {translator}</source>
        <translation>Мақаланы аударған: {translator}</translation>
    </message>
    <message>
        <source>Exhibit: {title}</source>
        <translation>Көрме: {title}</translation>
    </message>
    <message>
        <source>Article source: {source}; licence: {licence}.</source>
        <translation>Мақала дереккөзі: {source}; лицензиясы: {licence}.</translation>
    </message>
</context>
<context>
    <name>WindowSnapshots</name>
    <message>
        <source>Export failed</source>
        <translation>Экспорттау сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>The snapshot was not written.</source>
        <translation>Сурет жазылмады.</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Экспортталды: {path}</translation>
    </message>
    <message>
        <source>Copy failed</source>
        <translation>Көшіру сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>Snapshot copied</source>
        <translation>Сурет көшірілді</translation>
    </message>
</context>
<context>
    <name>WindowTimeBar</name>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
</context>
</TS>
