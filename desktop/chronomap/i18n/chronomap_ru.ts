<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ArticlePanel</name>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>The article text. The passage being told is highlighted; sentences link to their event and place names to the map (the Down and Up arrow keys move between links, Enter follows one, Tab goes on past the article)</source>
        <translation>Текст статьи. Отрывок, о котором идёт речь, выделен; предложения ведут к своему событию, названия мест — на карту (клавиши со стрелками вниз и вверх переходят между ссылками, Enter открывает ссылку, Tab переходит дальше, за статью)</translation>
    </message>
    <message>
        <source>Reviewing a draft: each place name the machine found is underlined by its status, solid when confirmed, dashed when guessed, wavy and in italics when unresolved; Enter on one selects it in the review</source>
        <translation>Проверка черновика: каждое название места, найденное машиной, подчёркнуто по его состоянию — сплошной линией, если подтверждено, пунктиром, если угадано, волнистой линией и курсивом, если не определено; Enter на названии выбирает его в проверке</translation>
    </message>
    <message>
        <source>Scroll the article</source>
        <translation>Прокрутка статьи</translation>
    </message>
    <message>
        <source>Scroll the article sideways</source>
        <translation>Горизонтальная прокрутка статьи</translation>
    </message>
    <message>
        <source>This article is not available in English; it is shown in the language it was written in.</source>
        <comment>shown when the exhibit has no article in the interface language</comment>
        <translation>Этой статьи нет на русском языке; она показана на языке оригинала.</translation>
    </message>
    <message>
        <source>The quotation announced here is missing from the source text.</source>
        <translation>Цитата, о которой здесь говорится, в исходном тексте отсутствует.</translation>
    </message>
</context>
<context>
    <name>AttractBanner</name>
    <message>
        <source>Touch the screen to explore the story</source>
        <translation>Коснитесь экрана, чтобы исследовать историю</translation>
    </message>
</context>
<context>
    <name>AudioButton</name>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  Пауза</translation>
    </message>
    <message>
        <source>▶  Listen</source>
        <translation>▶  Слушать</translation>
    </message>
    <message>
        <source>Recording: {caption}</source>
        <translation>Запись: {caption}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Приостановить запись</translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation>Воспроизвести запись</translation>
    </message>
    <message>
        <source>Its words are shown as captions while it plays.</source>
        <translation>Пока она звучит, её слова показаны субтитрами.</translation>
    </message>
</context>
<context>
    <name>AudioControl</name>
    <message>
        <source>Play the recording</source>
        <translation>Воспроизвести запись</translation>
    </message>
    <message>
        <source>Starts or pauses the recording</source>
        <translation>Запускает или приостанавливает запись</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Позиция в записи</translation>
    </message>
    <message>
        <source>The arrow keys move by a second, Page Up and Page Down by five</source>
        <translation>Стрелки сдвигают на секунду, Page Up и Page Down — на пять</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>What the recording says, in words</source>
        <translation>Что звучит в записи, словами</translation>
    </message>
    <message>
        <source>Recording: {caption}</source>
        <translation>Запись: {caption}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>This computer cannot play sound here; the transcript says what the recording says.</source>
        <translation>На этом компьютере звук воспроизвести нельзя; что звучит в записи, сказано в расшифровке.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>Приостановить запись</translation>
    </message>
    <message>
        <source>{position} of {duration}</source>
        <translation>{position} из {duration}</translation>
    </message>
    <message>
        <source>The recording cannot be played: {reason}</source>
        <translation>Запись не воспроизводится: {reason}</translation>
    </message>
</context>
<context>
    <name>CreditPanel</name>
    <message>
        <source>Credit for</source>
        <extracomment>Fields of a credit a translation carries.</extracomment>
        <translation>Чему посвящено</translation>
    </message>
    <message>
        <source>Credit text</source>
        <translation>Текст благодарности</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Short form on the map</source>
        <translation>Краткая форма на карте</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указана</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Благодарности и источники</translation>
    </message>
    <message>
        <source>Add credit</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Add a credit line</source>
        <translation>Добавить строку благодарности</translation>
    </message>
    <message>
        <source>Remove credit</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>Remove the selected credit line</source>
        <translation>Удалить выбранную строку благодарности</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>not stated yet</source>
        <translation>пока не указано</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>a day</source>
        <extracomment>The forms the helper offers, in order (the key is what :func:`reshape` understands).</extracomment>
        <translation>день</translation>
    </message>
    <message>
        <source>from … to …</source>
        <translation>с … по …</translation>
    </message>
    <message>
        <source>a month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <source>a season</source>
        <translation>время года</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>a decade</source>
        <translation>десятилетие</translation>
    </message>
    <message>
        <source>approximate (~)</source>
        <translation>приблизительно (~)</translation>
    </message>
    <message>
        <source>uncertain (?)</source>
        <translation>неточно (?)</translation>
    </message>
    <message>
        <source>Form of the date…</source>
        <translation>Вид даты…</translation>
    </message>
    <message>
        <source>Date (EDTF)</source>
        <translation>Дата (EDTF)</translation>
    </message>
    <message>
        <source>For example 1986-12-17, 1986-12, 1990-23 (autumn), 1986-12-17/1986-12-18, 1989-06-22? or 1991-08-~19</source>
        <translation>Например 1986-12-17, 1986-12, 1990-23 (осень), 1986-12-17/1986-12-18, 1989-06-22? или 1991-08-~19</translation>
    </message>
    <message>
        <source>Rewrite the date as</source>
        <translation>Записать дату как</translation>
    </message>
    <message>
        <source>Date problem</source>
        <translation>Ошибка в дате</translation>
    </message>
    <message>
        <source>How visitors see the date in {language}</source>
        <translation>Как посетители видят дату: {language}</translation>
    </message>
    <message>
        <source>Type a valid date first; the form is built from its first day.</source>
        <translation>Сначала введите верную дату: вид строится от её первого дня.</translation>
    </message>
</context>
<context>
    <name>DeskCard</name>
    <message>
        <source>Date: {note}</source>
        <translation>Дата: {note}</translation>
    </message>
    <message>
        <source>until {date}: {name}</source>
        <translation>до {date}: {name}</translation>
    </message>
    <message>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>republic</source>
        <translation>республика</translation>
    </message>
    <message>
        <source>state</source>
        <translation>государство</translation>
    </message>
    <message>
        <source>{km} km from {place} (geodesic)</source>
        <translation>Расстояние: {place} — {km} км (по геодезической)</translation>
    </message>
</context>
<context>
    <name>EditingSurfaces</name>
    <message>
        <source>Click the map where the place is.</source>
        <extracomment>Keys of a place record the page can take without being drawn again (where its point is).</extracomment>
        <translation>Щёлкните по карте там, где находится место.</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>Add</source>
        <extracomment>The events list keeps at least this height (px) above the form, which scrolls.</extracomment>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add an event after the selected one</source>
        <translation>Добавить событие после выбранного</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Duplicate the selected event</source>
        <translation>Копировать выбранное событие</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected event</source>
        <translation>Удалить выбранное событие</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Раньше</translation>
    </message>
    <message>
        <source>Move before the other event on the same day</source>
        <translation>Поставить перед другим событием того же дня</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Move after the other event on the same day</source>
        <translation>Поставить после другого события того же дня</translation>
    </message>
    <message>
        <source>Events in time order</source>
        <translation>События по времени</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>Date note</source>
        <translation>Примечание к дате</translation>
    </message>
    <message>
        <source>The event this date is counted from</source>
        <translation>Событие, от которого отсчитана дата</translation>
    </message>
    <message>
        <source>Days after it (negative: before)</source>
        <translation>Дней после него (минус: до)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>The article&apos;s words for it</source>
        <translation>Слова статьи об этом</translation>
    </message>
    <message>
        <source>Nine days later</source>
        <translation>Девять дней спустя</translation>
    </message>
    <message>
        <source>Count from it</source>
        <translation>Отсчитать от него</translation>
    </message>
    <message>
        <source>Date this event counted from the chosen one</source>
        <translation>Отсчитать дату этого события от выбранного</translation>
    </message>
    <message>
        <source>Where the date comes from, when the article does not give it</source>
        <translation>Откуда взята дата, если в статье её нет</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Кратко</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Дата</translation>
    </message>
    <message>
        <source>&amp;Or counted from</source>
        <translation>&amp;Или отсчёт от</translation>
    </message>
    <message>
        <source>Date &amp;note</source>
        <translation>&amp;Примечание к дате</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(пока без заголовка)</translation>
    </message>
    <message>
        <source>Given relative to another event: “{phrase}”</source>
        <translation>Дата дана относительно другого события: «{phrase}»</translation>
    </message>
</context>
<context>
    <name>EventReviewPanel</name>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Dated statements to review</source>
        <translation>События с датами для проверки</translation>
    </message>
    <message>
        <source>Each event the draft proposes, in time order; Enter accepts it</source>
        <translation>Каждое событие, предложенное черновиком, по порядку времени; Enter принимает его</translation>
    </message>
    <message>
        <source>The sentence it came from:</source>
        <translation>Предложение, из которого оно взято:</translation>
    </message>
    <message>
        <source>The sentence the event came from</source>
        <translation>Предложение, из которого взято событие</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Accept the event and its date</source>
        <translation>Принять событие и его дату</translation>
    </message>
    <message>
        <source>Fix the date</source>
        <translation>Исправить дату</translation>
    </message>
    <message>
        <source>Give the event the date typed above</source>
        <translation>Дать событию дату, введённую выше</translation>
    </message>
    <message>
        <source>Event to merge into</source>
        <translation>Событие, с которым объединить</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge the event into the one chosen: its sentences and places go there</source>
        <translation>Объединить событие с выбранным: его предложения и места перейдут туда</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Drop the event: it is not part of the story</source>
        <translation>Убрать событие: оно не часть истории</translation>
    </message>
    <message>
        <source>Review progress of the dated statements</source>
        <translation>Ход проверки дат</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>проверить</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>{left} of {total} events left to check</source>
        <translation>Осталось проверить событий: {left} из {total}</translation>
    </message>
</context>
<context>
    <name>ExhibitOpenDialog</name>
    <message>
        <source>Open exhibit: a folder, or a TimelineJS / Linked Places file</source>
        <translation>Открыть выставку: папку или файл TimelineJS / Linked Places</translation>
    </message>
    <message>
        <source>Exhibit folder or interchange file</source>
        <translation>Папка выставки или файл обмена</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
</context>
<context>
    <name>ExhibitPanel</name>
    <message>
        <source>Exhibit title</source>
        <translation>Название выставки</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Подзаголовок</translation>
    </message>
    <message>
        <source>Period (EDTF)</source>
        <translation>Период (EDTF)</translation>
    </message>
    <message>
        <source>Article source</source>
        <translation>Источник статьи</translation>
    </message>
    <message>
        <source>Article licence</source>
        <translation>Лицензия статьи</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указана</translation>
    </message>
    <message>
        <source>Period problem</source>
        <translation>Ошибка в периоде</translation>
    </message>
    <message>
        <source>Map frame</source>
        <translation>Рамка карты</translation>
    </message>
    <message>
        <source>The map&apos;s first frame</source>
        <translation>Первая рамка карты</translation>
    </message>
    <message>
        <source>Use this view</source>
        <translation>Взять текущий вид</translation>
    </message>
    <message>
        <source>Make the map&apos;s current view the exhibit&apos;s first frame</source>
        <translation>Сделать текущий вид карты первой рамкой выставки</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Благодарности и источники</translation>
    </message>
    <message>
        <source>{south}° to {north}° north, {west}° to {east}° east</source>
        <translation>от {south}° до {north}° с. ш., от {west}° до {east}° в. д.</translation>
    </message>
    <message>
        <source>The map did not say where it is looking; try again.</source>
        <translation>Карта не сообщила, куда она смотрит; попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>ExplorerPresenter</name>
    <message>
        <source>Before the story begins</source>
        <extracomment>A layout&apos;s hook run before the article scrolls (the kiosk re-lays its side panel first).</extracomment>
        <translation>До начала истории</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export snapshot</source>
        <extracomment>Where the dialog&apos;s size and position are kept between openings (and sessions).</extracomment>
        <translation>Экспорт снимка карты</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>The size of the picture: the current view, a screen, a printed page, or your own</source>
        <translation>Размер изображения: текущий вид, экран, печатная страница или свой</translation>
    </message>
    <message>
        <source>Current view ({width} × {height})</source>
        <translation>Текущий вид ({width} × {height})</translation>
    </message>
    <message>
        <source>1920 × 1080 (slides, screens)</source>
        <translation>1920 × 1080 (слайды, экраны)</translation>
    </message>
    <message>
        <source>3840 × 2160 (large screens)</source>
        <translation>3840 × 2160 (большие экраны)</translation>
    </message>
    <message>
        <source>A4 landscape, 300 dpi (3508 × 2480)</source>
        <translation>A4 альбомная, 300 dpi (3508 × 2480)</translation>
    </message>
    <message>
        <source>A3 landscape, 300 dpi (4961 × 3508)</source>
        <translation>A3 альбомная, 300 dpi (4961 × 3508)</translation>
    </message>
    <message>
        <source>Custom size…</source>
        <translation>Свой размер…</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Width of the picture in layout pixels</source>
        <translation>Ширина изображения в пикселях макета</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Высота</translation>
    </message>
    <message>
        <source>Height of the picture in layout pixels</source>
        <translation>Высота изображения в пикселях макета</translation>
    </message>
    <message>
        <source>px</source>
        <translation>пикс.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Device pixels per layout pixel: larger makes labels finer and relatively smaller</source>
        <translation>Пикселей устройства на пиксель макета: чем больше, тем тоньше и относительно мельче подписи</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>масштаб</translation>
    </message>
    <message>
        <source>Pixels:</source>
        <translation>Пиксели:</translation>
    </message>
    <message>
        <source>Caption (title, date, event)</source>
        <translation>Подпись (название, дата, событие)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Линейка масштаба</translation>
    </message>
    <message>
        <source>Attribution line</source>
        <translation>Строка источников</translation>
    </message>
    <message>
        <source>Print the exhibit title, the date and the event over the map</source>
        <translation>Напечатать поверх карты название выставки, дату и событие</translation>
    </message>
    <message>
        <source>Print the legend of colours and lines</source>
        <translation>Напечатать легенду цветов и линий</translation>
    </message>
    <message>
        <source>Print a scale bar in kilometres</source>
        <translation>Напечатать линейку масштаба в километрах</translation>
    </message>
    <message>
        <source>Print the sources of the map data</source>
        <translation>Напечатать источники картографических данных</translation>
    </message>
    <message>
        <source>Picture beside the map (caption and credit)</source>
        <translation>Изображение рядом с картой (подпись и источник)</translation>
    </message>
    <message>
        <source>Lay the map beside the event&apos;s first picture with its caption and credit; an event without a picture is exported as the plain map</source>
        <translation>Поместить рядом с картой первое изображение события с подписью и источником; событие без изображения экспортируется как обычная карта</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
</context>
<context>
    <name>KioskCard</name>
    <message>
        <source>Shows this place on the map, with what the exhibit says about it.</source>
        <extracomment>The languages, the card and its places take at most this share of the side panel&apos;s height. The words get at least this much (a line or two) when the share leaves less, but never so much that the article below is left with less than ARTICLE_LEAST (px), or ARTICLE_LEAST_BESIDE_A_PLACE while a place&apos;s details are shown (what the visitor just asked for comes first). Less room than this for the words and they get none (half a line would only look broken).</extracomment>
        <translation>Показывает это место на карте и то, что о нём рассказывает выставка.</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>Scroll the event&apos;s words</source>
        <translation>Прокрутить текст события</translation>
    </message>
    <message>
        <source>Scroll the event&apos;s words sideways</source>
        <translation>Прокрутить текст события вбок</translation>
    </message>
</context>
<context>
    <name>KioskLayout</name>
    <message>
        <source>Chronomap kiosk</source>
        <extracomment>The side panel takes this share of the screen&apos;s width, within these bounds (px). With large type the side panel is wider, so the card&apos;s words still fit beside the map.</extracomment>
        <translation>Киоск Chronomap</translation>
    </message>
    <message>
        <source>A map and a timeline of the exhibit, with its article.</source>
        <translation>Карта и шкала времени выставки вместе со статьёй.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <translation>◀  Назад</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Предыдущее событие</translation>
    </message>
    <message>
        <source>Goes back to the event before this one.</source>
        <translation>Возвращает к предыдущему событию.</translation>
    </message>
    <message>
        <source>Next  ▶</source>
        <translation>Далее  ▶</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Следующее событие</translation>
    </message>
    <message>
        <source>Goes on to the next event of the story.</source>
        <translation>Переходит к следующему событию истории.</translation>
    </message>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  Пауза</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Stops the story playing by itself.</source>
        <translation>Останавливает показ истории.</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  Смотреть</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Plays the story, one event after another.</source>
        <translation>Показывает историю событие за событием.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <source>Drag along the timeline to move through time, or touch an event&apos;s mark to go to it. The Left and Right arrow keys step from event to event.</source>
        <translation>Проведите пальцем по шкале, чтобы двигаться во времени, или коснитесь отметки события, чтобы перейти к нему. Клавиши со стрелками влево и вправо переходят от события к событию.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>The exhibit&apos;s article; the passage being told is highlighted. Touch a highlighted passage to go to its event, or a place name to see it on the map. The Up and Down arrow keys scroll it.</source>
        <translation>Статья выставки; фрагмент, о котором идёт речь, выделен. Коснитесь выделенного фрагмента, чтобы перейти к его событию, или названия места, чтобы увидеть его на карте. Клавиши со стрелками вверх и вниз прокручивают текст.</translation>
    </message>
</context>
<context>
    <name>KioskMediaViewer</name>
    <message>
        <source>✕  Close</source>
        <translation>✕  Закрыть</translation>
    </message>
    <message>
        <source>Close the picture</source>
        <translation>Закрыть изображение</translation>
    </message>
    <message>
        <source>Goes back to the map.</source>
        <translation>Возвращает к карте.</translation>
    </message>
    <message>
        <source>Previous picture</source>
        <translation>Предыдущее изображение</translation>
    </message>
    <message>
        <source>Shows the picture before this one.</source>
        <translation>Показывает предыдущее изображение.</translation>
    </message>
    <message>
        <source>Next picture</source>
        <translation>Следующее изображение</translation>
    </message>
    <message>
        <source>Shows the next picture.</source>
        <translation>Показывает следующее изображение.</translation>
    </message>
    <message>
        <source>Enlarged picture</source>
        <translation>Увеличенное изображение</translation>
    </message>
    <message>
        <source>Touch the picture or Close to go back; swipe sideways for the next picture.</source>
        <translation>Коснитесь изображения или кнопки «Закрыть», чтобы вернуться; проведите в сторону, чтобы увидеть следующее.</translation>
    </message>
    <message>
        <source>Touch it to close it.</source>
        <translation>Коснитесь, чтобы закрыть.</translation>
    </message>
    <message>
        <source>{n} / {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>Picture {n} of {total}</source>
        <translation>Изображение {n} из {total}</translation>
    </message>
</context>
<context>
    <name>LanguageBar</name>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>{language} — interface language</source>
        <translation>{language} — язык интерфейса</translation>
    </message>
    <message>
        <source>Shows the whole kiosk in this language.</source>
        <translation>Показывает весь киоск на этом языке.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open exhibit…</source>
        <extracomment>What the window needs once it has an exhibit, and the frame does not: the model of the story and everything built from it. Imported when the window is filled (at a start from the memo, by the thread that reads the exhibit, while the map page loads: chronomap.desk.start_load). The window&apos;s size on a screen with room for it, in logical pixels. the moment the command line asked for (desk.app): a memo of this start opens there again</extracomment>
        <translation>&amp;Открыть выставку…</translation>
    </message>
    <message>
        <source>Open an exhibit folder, a TimelineJS file or a Linked Places file</source>
        <translation>Открыть папку выставки, файл TimelineJS или Linked Places</translation>
    </message>
    <message>
        <source>&amp;New exhibit…</source>
        <translation>&amp;Новая выставка…</translation>
    </message>
    <message>
        <source>Make an exhibit from an article, drafted or empty, and edit it</source>
        <translation>Создать выставку из статьи — черновик или пустую — и редактировать её</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>E&amp;dit exhibit…</source>
        <translation>&amp;Редактировать выставку…</translation>
    </message>
    <message>
        <source>Correct events, dates and places beside the map (Ctrl+Shift+E)</source>
        <translation>Исправить события, даты и места рядом с картой (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>◀  Previous</source>
        <translation>◀  Назад</translation>
    </message>
    <message>
        <source>Previous event (←)</source>
        <translation>Предыдущее событие (←)</translation>
    </message>
    <message>
        <source>Next  ▶</source>
        <translation>Далее  ▶</translation>
    </message>
    <message>
        <source>Next event (→)</source>
        <translation>Следующее событие (→)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>В &amp;начало</translation>
    </message>
    <message>
        <source>First event (Home)</source>
        <translation>Первое событие (Home)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>В &amp;конец</translation>
    </message>
    <message>
        <source>Last event (End)</source>
        <translation>Последнее событие (End)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Play or pause the story (Space)</source>
        <translation>Воспроизвести историю или поставить на паузу (пробел)</translation>
    </message>
    <message>
        <source>&amp;About Chronomap</source>
        <translation>&amp;О программе Chronomap</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>&amp;Экспорт снимка…</translation>
    </message>
    <message>
        <source>Export the map at this moment as PNG or PDF (Ctrl+E)</source>
        <translation>Экспортировать карту этого момента в PNG или PDF (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Copy snapshot</source>
        <translation>&amp;Копировать снимок</translation>
    </message>
    <message>
        <source>Copy the map at this moment to the clipboard</source>
        <translation>Скопировать карту этого момента в буфер обмена</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Высокий контраст</translation>
    </message>
    <message>
        <source>Black on white with stronger outlines, for low vision</source>
        <translation>Чёрное на белом, с более чёткими контурами — для слабовидящих</translation>
    </message>
    <message>
        <source>&amp;Large text</source>
        <translation>&amp;Крупный шрифт</translation>
    </message>
    <message>
        <source>Larger type in the panels, the time bar and on the map</source>
        <translation>Более крупный шрифт на панелях, шкале времени и карте</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;События</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Инструменты</translation>
    </message>
    <message>
        <source>Go to the previous event</source>
        <translation>Перейти к предыдущему событию</translation>
    </message>
    <message>
        <source>Play the story event by event, or pause it</source>
        <translation>Воспроизводить историю событие за событием или поставить на паузу</translation>
    </message>
    <message>
        <source>Go to the next event</source>
        <translation>Перейти к следующему событию</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Скорость воспроизведения</translation>
    </message>
    <message>
        <source>How long each event stays on screen while playing</source>
        <translation>Сколько времени каждое событие остаётся на экране при воспроизведении</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Current event</source>
        <translation>Текущее событие</translation>
    </message>
    <message>
        <source>The event in focus, its date, summary and places; place names are links</source>
        <translation>Выбранное событие: дата, краткое описание и места; названия мест — ссылки</translation>
    </message>
    <message>
        <source>Scroll the current event</source>
        <translation>Прокрутка текущего события</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>Ещё инструменты</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
</context>
<context>
    <name>MapWords</name>
    <message>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <source>Happening on this day</source>
        <translation>Происходит в этот день</translation>
    </message>
    <message>
        <source>The event told, over by this day</source>
        <comment>legend: a place of the event being told when that event has already ended</comment>
        <translation>Рассказываемое событие, к этому дню завершилось</translation>
    </message>
    <message>
        <source>Earlier in the story</source>
        <translation>Раньше в этой истории</translation>
    </message>
    <message>
        <source>Later in the story</source>
        <translation>Позже в этой истории</translation>
    </message>
    <message>
        <source>{name}, independent</source>
        <translation>{name}, независимое государство</translation>
    </message>
    <message>
        <source>Other republics of the {union}</source>
        <translation>Другие республики {union}</translation>
    </message>
    <message>
        <source>Republics of the {union}</source>
        <translation>Республики {union}</translation>
    </message>
    <message>
        <source>Frontier of the {union}</source>
        <translation>Граница {union}</translation>
    </message>
    <message>
        <source>{date}. Before the story begins; no place is highlighted.</source>
        <translation>{date}. История ещё не началась; ни одно место не выделено.</translation>
    </message>
    <message>
        <source>{date}. {event}. Highlighted: {places}.</source>
        <translation>{date}. {event}. Выделено: {places}.</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no place is highlighted</comment>
        <translation>ничего</translation>
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
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <comment>the map&apos;s − button</comment>
        <translation>Уменьшить</translation>
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
        <translation>Источник: {credit}</translation>
    </message>
    <message>
        <source>Credit not recorded</source>
        <translation>Источник не указан</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Pictures and recordings</source>
        <translation>Изображения и записи</translation>
    </message>
    <message>
        <source>The pictures and recordings of what the card shows, with their captions and credits</source>
        <translation>Изображения и записи к тому, что показывает карточка, с подписями и источниками</translation>
    </message>
    <message>
        <source>Opens the picture larger</source>
        <translation>Открывает изображение крупнее</translation>
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
        <translation>Изображение {n} из {total}</translation>
    </message>
    <message>
        <source>Swipe sideways for the next picture.</source>
        <translation>Проведите в сторону, чтобы увидеть следующее.</translation>
    </message>
    <message>
        <source>A picture. Touch it to see it larger.</source>
        <translation>Изображение. Коснитесь, чтобы увеличить.</translation>
    </message>
    <message>
        <source>Pictures and recordings</source>
        <translation>Изображения и записи</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>What the recording says, in words</source>
        <translation>Что звучит в записи, словами</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Предыдущее</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Следующее ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>По размеру окна</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Previous picture</source>
        <translation>Предыдущее изображение</translation>
    </message>
    <message>
        <source>Next picture</source>
        <translation>Следующее изображение</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit the picture to the window</source>
        <translation>Вписать изображение в окно</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Закрыть просмотр</translation>
    </message>
    <message>
        <source>Shows the previous picture (Page Up, or ← when it fits)</source>
        <translation>Показывает предыдущее изображение (Page Up или ←, когда оно вписано в окно)</translation>
    </message>
    <message>
        <source>Shows the next picture (Page Down, or → when it fits)</source>
        <translation>Показывает следующее изображение (Page Down или →, когда оно вписано в окно)</translation>
    </message>
    <message>
        <source>Makes the picture smaller (−)</source>
        <translation>Уменьшает изображение (−)</translation>
    </message>
    <message>
        <source>Makes the picture larger (+); the arrow keys then move it</source>
        <translation>Увеличивает изображение (+); затем стрелки сдвигают его</translation>
    </message>
    <message>
        <source>Shows the whole picture (0)</source>
        <translation>Показывает изображение целиком (0)</translation>
    </message>
    <message>
        <source>Back to the explorer (Esc)</source>
        <translation>Назад к карте (Esc)</translation>
    </message>
    <message>
        <source>Picture viewer</source>
        <translation>Просмотр изображений</translation>
    </message>
    <message>
        <source>The picture large, with its caption and credit</source>
        <translation>Изображение крупно, с подписью и источником</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} из {total}</translation>
    </message>
    <message>
        <source>The picture; the arrow keys move it when zoomed</source>
        <translation>Изображение; при увеличении стрелки сдвигают его</translation>
    </message>
</context>
<context>
    <name>NewExhibitDialog</name>
    <message>
        <source>New exhibit</source>
        <translation>Новая выставка</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Folder for the new exhibit (new or empty)</source>
        <translation>Папка для новой выставки (новая или пустая)</translation>
    </message>
    <message>
        <source>a new or empty folder</source>
        <translation>новая или пустая папка</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Выбрать папку</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>&amp;Статья:</translation>
    </message>
    <message>
        <source>Open an article &amp;file…</source>
        <translation>Открыть &amp;файл статьи…</translation>
    </message>
    <message>
        <source>The article&apos;s text</source>
        <translation>Текст статьи</translation>
    </message>
    <message>
        <source>Type or paste the article here: &apos;= Title =&apos; on the first line, &apos;==Section==&apos; headings, a blank line between paragraphs</source>
        <translation>Наберите или вставьте статью сюда: «= Заголовок =» в первой строке, заголовки разделов «==Раздел==», пустая строка между абзацами</translation>
    </message>
    <message>
        <source>&amp;Draft events and places from the article</source>
        <translation>&amp;Черновик событий и мест по статье</translation>
    </message>
    <message>
        <source>&amp;Start empty (one placeholder event and place to change)</source>
        <translation>&amp;Начать с пустой (одно событие и одно место-заготовки, чтобы изменить)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Folder for the new exhibit (an empty one)</source>
        <translation>Папка для новой выставки (пустая)</translation>
    </message>
    <message>
        <source>The article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>Name a folder for the new exhibit.</source>
        <translation>Укажите папку для новой выставки.</translation>
    </message>
</context>
<context>
    <name>PassagePanel</name>
    <message>
        <source>Sentences of the article; ticked ones tell the selected event</source>
        <extracomment>Characters of a sentence shown in the list (the rest is in its tooltip).</extracomment>
        <translation>Предложения статьи; отмеченные рассказывают о выбранном событии</translation>
    </message>
    <message>
        <source>Link the sentences selected in the article to this event</source>
        <translation>Связать выделенные в статье предложения с этим событием</translation>
    </message>
    <message>
        <source>Unlink the sentences selected in the article from this event</source>
        <translation>Отвязать выделенные в статье предложения от этого события</translation>
    </message>
    <message>
        <source>New event from this sentence</source>
        <translation>Новое событие из этого предложения</translation>
    </message>
    <message>
        <source>Add an event telling the sentence selected in the article or in the list</source>
        <translation>Добавить событие, о котором говорит предложение, выделенное в статье или в списке</translation>
    </message>
    <message numerus="yes">
        <source>Link %n selected sentence(s)</source>
        <translation>
            <numerusform>Связать %n выделенное предложение</numerusform>
            <numerusform>Связать %n выделенных предложения</numerusform>
            <numerusform>Связать %n выделенных предложений</numerusform>
        </translation>
    </message>
    <message>
        <source>Select sentences in the article to link them</source>
        <translation>Выделите предложения в статье, чтобы связать их</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>“{sentence}”

Its date (EDTF: 1990, 1990-03, 1990-03-03):</source>
        <translation>«{sentence}»

Его дата (EDTF: 1990, 1990-03, 1990-03-03):</translation>
    </message>
    <message>
        <source>Told by: {events}</source>
        <translation>Рассказывает о: {events}</translation>
    </message>
    <message>
        <source>No event tells this sentence yet</source>
        <translation>Это предложение пока не связано ни с одним событием</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s) no event tells yet (marked ○)</source>
        <translation>
            <numerusform>%n предложение пока ни с чем не связано (отмечено ○)</numerusform>
            <numerusform>%n предложения пока ни с чем не связаны (отмечены ○)</numerusform>
            <numerusform>%n предложений пока ни с чем не связаны (отмечены ○)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
        <extracomment>The pad&apos;s one width (px): the keys&apos; grid with room round it, and the messages wrapped in it. A key&apos;s one size (px): the style sheet&apos;s least size for a key (124×96) and its widest border (the 5-px focus frame) all round, so a key taking focus does not grow and push its neighbours. On a short screen the keys (and Cancel) are lower, down to this (still a large touch target). Every message the modes send, with the values that make it shortest and longest (a lockout is at most an hour): the message keeps the height of the tallest.</extracomment>
        <translation>Выход для персонала</translation>
    </message>
    <message>
        <source>Staff PIN pad</source>
        <translation>Панель PIN для персонала</translation>
    </message>
    <message>
        <source>Staff enter their PIN here to close the kiosk.</source>
        <translation>Здесь сотрудники вводят PIN, чтобы закрыть киоск.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Adds this digit to the PIN.</source>
        <translation>Добавляет эту цифру к PIN.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <source>Removes the last digit.</source>
        <translation>Стирает последнюю цифру.</translation>
    </message>
    <message>
        <source>Checks the PIN.</source>
        <translation>Проверяет PIN.</translation>
    </message>
    <message>
        <source>Closes the PIN pad; the kiosk carries on.</source>
        <translation>Закрывает панель PIN; киоск продолжает работу.</translation>
    </message>
    <message>
        <source>Staff exit is not set up on this kiosk.</source>
        <translation>Выход для персонала на этом киоске не настроен.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>Неверный PIN. Осталась %n попытка, затем панель заблокируется.</numerusform>
            <numerusform>Неверный PIN. Осталось %n попытки, затем панель заблокируется.</numerusform>
            <numerusform>Неверный PIN. Осталось %n попыток, затем панель заблокируется.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>Слишком много неверных PIN. Попробуйте снова через %n секунду.</numerusform>
            <numerusform>Слишком много неверных PIN. Попробуйте снова через %n секунды.</numerusform>
            <numerusform>Слишком много неверных PIN. Попробуйте снова через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Введите PIN персонала.</translation>
    </message>
</context>
<context>
    <name>PlacePanel</name>
    <message>
        <source>Drawn on the map as</source>
        <translation>Как показано на карте</translation>
    </message>
    <message>
        <source>a point only</source>
        <translation>только точкой</translation>
    </message>
    <message>
        <source>{name} — this exhibit&apos;s outline</source>
        <translation>{name} — контур этой выставки</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <extracomment>An arrow key in a coordinate field moves the point this far (degrees); Page Up/Down ten times as far. Where the loaded exhibit draws a place (a point from the gazetteer cache has no &quot;point&quot; in its record).</extracomment>
        <translation>&amp;Широта</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>&amp;Долгота</translation>
    </message>
    <message>
        <source>Latitude of the place, degrees north</source>
        <translation>Широта места, градусы северной широты</translation>
    </message>
    <message>
        <source>Longitude of the place, degrees east</source>
        <translation>Долгота места, градусы восточной долготы</translation>
    </message>
    <message>
        <source>Type degrees, or nudge the point with ↑/↓ ({step}°) and Page Up/Down</source>
        <translation>Введите градусы или сдвигайте точку клавишами ↑/↓ ({step}°) и Page Up/Down</translation>
    </message>
    <message>
        <source>Historical names</source>
        <translation>Исторические названия</translation>
    </message>
    <message>
        <source>Historical name (English)</source>
        <translation>Историческое название (по-английски)</translation>
    </message>
    <message>
        <source>Historical name</source>
        <translation>Историческое название</translation>
    </message>
    <message>
        <source>In use until (EDTF)</source>
        <translation>Использовалось до (EDTF)</translation>
    </message>
    <message>
        <source>until 1992-12-31</source>
        <translation>до 1992-12-31</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>Добавить название</translation>
    </message>
    <message>
        <source>Add the historical name</source>
        <translation>Добавить историческое название</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Убрать название</translation>
    </message>
    <message>
        <source>Remove the selected historical name</source>
        <translation>Убрать выбранное историческое название</translation>
    </message>
    <message>
        <source>Role of the place in this event</source>
        <translation>Роль места в этом событии</translation>
    </message>
    <message>
        <source>What happened there</source>
        <translation>Что там произошло</translation>
    </message>
    <message>
        <source>Remove from event</source>
        <translation>Убрать из события</translation>
    </message>
    <message>
        <source>Remove the place from this event</source>
        <translation>Убрать место из этого события</translation>
    </message>
    <message>
        <source>Another place of the exhibit</source>
        <translation>Другое место выставки</translation>
    </message>
    <message>
        <source>Add to event</source>
        <translation>Добавить к событию</translation>
    </message>
    <message>
        <source>Add the chosen place to this event</source>
        <translation>Добавить выбранное место к этому событию</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Население</translation>
    </message>
    <message>
        <source>Places of this event</source>
        <translation>Места этого события</translation>
    </message>
    <message>
        <source>Place name in {language}</source>
        <translation>Название места: {language}</translation>
    </message>
    <message>
        <source>Search the gazetteer by any name…</source>
        <translation>Поиск в справочнике мест по любому названию…</translation>
    </message>
    <message>
        <source>Search the gazetteer</source>
        <translation>Поиск в справочнике мест</translation>
    </message>
    <message>
        <source>Gazetteer candidates</source>
        <translation>Найденные места</translation>
    </message>
    <message>
        <source>Move the place here</source>
        <translation>Перенести место сюда</translation>
    </message>
    <message>
        <source>Add as a new place</source>
        <translation>Добавить как новое место</translation>
    </message>
    <message>
        <source>Role of the new place in the event</source>
        <translation>Роль нового места в событии</translation>
    </message>
    <message>
        <source>Put the place at the map&apos;s centre</source>
        <translation>Поставить место в центр карты</translation>
    </message>
    <message>
        <source>New place at the map&apos;s centre</source>
        <translation>Новое место в центре карты</translation>
    </message>
    <message>
        <source>Add a new place, named as searched, at the map&apos;s centre</source>
        <translation>Добавить новое место с названием из поиска в центре карты</translation>
    </message>
    <message>
        <source>Click the map to place</source>
        <translation>Указать на карте</translation>
    </message>
    <message>
        <source>Put the selected place where you click the map next</source>
        <translation>Поставить выбранное место туда, где вы щёлкнете по карте</translation>
    </message>
    <message>
        <source>Then drag the red handle on the map to move it</source>
        <translation>Затем перетащите красную метку на карте, чтобы сдвинуть его</translation>
    </message>
    <message>
        <source>New place where I click</source>
        <translation>Новое место по щелчку</translation>
    </message>
    <message>
        <source>Add a new place, named as searched, where you click the map next</source>
        <translation>Добавить новое место с искомым названием там, где вы щёлкнете по карте</translation>
    </message>
    <message>
        <source>{name} until {until}</source>
        <translation>{name} до {until}</translation>
    </message>
    <message>
        <source>Point: {lat:.4f}, {lon:.4f}</source>
        <translation>Точка: {lat:.4f}, {lon:.4f}</translation>
    </message>
    <message>
        <source>Not placed yet: the map leaves it out until you place it (click the map, type its degrees or choose a gazetteer candidate)</source>
        <translation>Ещё не размещено: на карте места нет, пока вы его не разместите (щёлкните по карте, введите градусы или выберите вариант из справочника мест)</translation>
    </message>
    <message>
        <source>Point from the gazetteer cache: {key}</source>
        <translation>Точка из справочника мест: {key}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Places ({left} of {total} left)</source>
        <translation>Места (осталось {left} из {total})</translation>
    </message>
    <message>
        <source>Dated statements ({left} of {total} left)</source>
        <translation>Даты (осталось {left} из {total})</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Placed at</source>
        <translation>Где стоит</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Население</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>Places to review</source>
        <translation>Места для проверки</translation>
    </message>
    <message>
        <source>Gazetteer candidates for the place</source>
        <translation>Варианты из справочника мест</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Confirm the place where it is</source>
        <translation>Подтвердить место там, где оно стоит</translation>
    </message>
    <message>
        <source>Use this candidate</source>
        <translation>Выбрать этот вариант</translation>
    </message>
    <message>
        <source>Move the place to the selected candidate</source>
        <translation>Перенести место к выбранному варианту</translation>
    </message>
    <message>
        <source>Not a place</source>
        <translation>Не место</translation>
    </message>
    <message>
        <source>Not a place: take it out of the exhibit</source>
        <translation>Не место: убрать из выставки</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Искать…</translation>
    </message>
    <message>
        <source>Search the gazetteer for this name in the Places tab</source>
        <translation>Искать это название в справочнике мест на вкладке «Места»</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>Ход проверки</translation>
    </message>
    <message>
        <source>What to review</source>
        <translation>Что проверять</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>проверить</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>own point</source>
        <translation>своя точка</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>ещё не размещено</translation>
    </message>
    <message>
        <source>nowhere: not on the map until placed</source>
        <translation>нигде: на карте появится после размещения</translation>
    </message>
    <message>
        <source>its own point</source>
        <translation>своя точка</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) left to check</source>
        <translation>
            <numerusform>осталось проверить %n место</numerusform>
            <numerusform>осталось проверить %n места</numerusform>
            <numerusform>осталось проверить %n мест</numerusform>
        </translation>
    </message>
    <message>
        <source>here</source>
        <translation>здесь</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <source>Touch the screen to keep exploring.</source>
        <translation>Коснитесь экрана, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Keep exploring</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>The kiosk will start again unless someone touches the screen.</source>
        <translation>Если никто не коснётся экрана, киоск начнёт сначала.</translation>
    </message>
    <message>
        <source>Carries on where you were.</source>
        <translation>Продолжает с того места, где вы остановились.</translation>
    </message>
    <message numerus="yes">
        <source>The story starts again in %n seconds.</source>
        <translation>
            <numerusform>История начнётся заново через %n секунду.</numerusform>
            <numerusform>История начнётся заново через %n секунды.</numerusform>
            <numerusform>История начнётся заново через %n секунд.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioDock</name>
    <message>
        <source>Exhibit editor</source>
        <extracomment>The editor keeps at least this width beside the map (px).</extracomment>
        <translation>Редактор выставки</translation>
    </message>
</context>
<context>
    <name>StudioMediaPanel</name>
    <message>
        <source>Attach…</source>
        <translation>Прикрепить…</translation>
    </message>
    <message>
        <source>Attach a picture or a recording; it is copied into the exhibit&apos;s media folder when you save</source>
        <translation>Прикрепить изображение или запись; файл копируется в папку media выставки при сохранении</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move the selected item up (the first picture is the one shown and exported)</source>
        <translation>Переместить выбранное выше (первое изображение показывается и экспортируется)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>Переместить выбранное ниже</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Take the selected item off (its file stays in the folder)</source>
        <translation>Убрать выбранное (файл остаётся в папке)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>&amp;Подпись</translation>
    </message>
    <message>
        <source>C&amp;redit</source>
        <translation>&amp;Источник</translation>
    </message>
    <message>
        <source>L&amp;icence</source>
        <translation>&amp;Лицензия</translation>
    </message>
    <message>
        <source>&amp;Alt text</source>
        <translation>&amp;Замещающий текст</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Расшифровка</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Credit: who made it</source>
        <translation>Источник: кто автор</translation>
    </message>
    <message>
        <source>Licence (one for every language; leave empty when not known)</source>
        <translation>Лицензия (одна для всех языков; оставьте пустой, если неизвестна)</translation>
    </message>
    <message>
        <source>Alt text: what the picture shows, for visitors who cannot see it</source>
        <translation>Замещающий текст: что показано на изображении, для посетителей, которые его не видят</translation>
    </message>
    <message>
        <source>Transcript: what the recording says, for visitors who cannot hear it</source>
        <translation>Расшифровка: что звучит в записи, для посетителей, которые её не слышат</translation>
    </message>
    <message>
        <source>Whose media: the event or a place</source>
        <translation>Чьи материалы: события или места</translation>
    </message>
    <message>
        <source>Pictures and recordings, in order</source>
        <translation>Изображения и записи по порядку</translation>
    </message>
    <message>
        <source>Language of the texts</source>
        <translation>Язык текстов</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиа</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Событие: {title}</translation>
    </message>
    <message>
        <source>Place: {name}</source>
        <translation>Место: {name}</translation>
    </message>
    <message>
        <source>Attach a picture or a recording</source>
        <translation>Прикрепить изображение или запись</translation>
    </message>
    <message>
        <source>Pictures and recordings</source>
        <translation>Изображения и записи</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Изображение</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
</context>
<context>
    <name>StudioPanel</name>
    <message>
        <source>Unsaved work found</source>
        <translation>Найдены несохранённые изменения</translation>
    </message>
    <message>
        <source>Changes to this exhibit were not saved when Chronomap last stopped. Restore them?</source>
        <translation>Когда Chronomap в прошлый раз остановился, изменения этой выставки не были сохранены. Восстановить их?</translation>
    </message>
    <message>
        <source>Event</source>
        <extracomment>Typing is shown on the map after this pause (each check loads the whole exhibit: ~10 ms here).</extracomment>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Отрывки</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Выставка</translation>
    </message>
    <message>
        <source>Problems that stop a save</source>
        <translation>Ошибки, мешающие сохранить</translation>
    </message>
    <message>
        <source>Editor status</source>
        <translation>Состояние редактора</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The exhibit has changes that are not saved. Save them?</source>
        <translation>В выставке есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>The map did not say where it is looking; try again.</source>
        <translation>Карта не сообщила, куда она смотрит; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Not saved: the date field holds a date the timeline cannot read ({problem}).</source>
        <translation>Не сохранено: в поле даты дата, которую шкала времени не может прочесть ({problem}).</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Файл изменён на диске</translation>
    </message>
    <message>
        <source>{files} changed on disk since the editor opened it. Overwrite it with your version?</source>
        <translation>{files}: файл изменился на диске после открытия в редакторе. Записать поверх вашу версию?</translation>
    </message>
    <message>
        <source>Not saved: {files} changed on disk; reopen the exhibit to see that version.</source>
        <translation>Не сохранено: {files} изменился на диске; откройте выставку заново, чтобы увидеть ту версию.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Saved: {files}</source>
        <translation>Сохранено: {files}</translation>
    </message>
    <message>
        <source>Nothing to save: the files are unchanged.</source>
        <translation>Нечего сохранять: файлы не изменились.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): the map shows the last version that loaded.</source>
        <translation>
            <numerusform>%n ошибка: на карте последняя загрузившаяся версия.</numerusform>
            <numerusform>%n ошибки: на карте последняя загрузившаяся версия.</numerusform>
            <numerusform>%n ошибок: на карте последняя загрузившаяся версия.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioUndo</name>
    <message>
        <source>Restore unsaved work</source>
        <extracomment>The model&apos;s step labels (English, Qt-free) in the interface language, as the Edit menu names them.</extracomment>
        <translation>Восстановить несохранённую работу</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>Duplicate event</source>
        <translation>Дублировать событие</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Move event</source>
        <translation>Переместить событие</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Изменить название</translation>
    </message>
    <message>
        <source>Edit summary</source>
        <translation>Изменить описание</translation>
    </message>
    <message>
        <source>Edit date note</source>
        <translation>Изменить примечание к дате</translation>
    </message>
    <message>
        <source>Set date</source>
        <translation>Задать дату</translation>
    </message>
    <message>
        <source>Set relative date</source>
        <translation>Задать дату относительно события</translation>
    </message>
    <message>
        <source>Link passages</source>
        <translation>Связать фрагменты</translation>
    </message>
    <message>
        <source>Link place</source>
        <translation>Связать место</translation>
    </message>
    <message>
        <source>Unlink place</source>
        <translation>Отвязать место</translation>
    </message>
    <message>
        <source>Edit role</source>
        <translation>Изменить роль места</translation>
    </message>
    <message>
        <source>Edit exhibit title</source>
        <translation>Изменить название выставки</translation>
    </message>
    <message>
        <source>Edit exhibit subtitle</source>
        <translation>Изменить подзаголовок выставки</translation>
    </message>
    <message>
        <source>Edit article source</source>
        <translation>Изменить источник статьи</translation>
    </message>
    <message>
        <source>Edit article licence</source>
        <translation>Изменить лицензию статьи</translation>
    </message>
    <message>
        <source>Edit credits</source>
        <translation>Изменить благодарности</translation>
    </message>
    <message>
        <source>Set period</source>
        <translation>Задать период</translation>
    </message>
    <message>
        <source>Set map frame</source>
        <translation>Задать рамку карты</translation>
    </message>
    <message>
        <source>Add place</source>
        <translation>Добавить место</translation>
    </message>
    <message>
        <source>Move place</source>
        <translation>Переместить место</translation>
    </message>
    <message>
        <source>Choose place</source>
        <translation>Выбрать место</translation>
    </message>
    <message>
        <source>Confirm place</source>
        <translation>Подтвердить место</translation>
    </message>
    <message>
        <source>Choose candidate</source>
        <translation>Выбрать кандидата</translation>
    </message>
    <message>
        <source>Set region</source>
        <translation>Задать область</translation>
    </message>
    <message>
        <source>Add historical name</source>
        <translation>Добавить историческое название</translation>
    </message>
    <message>
        <source>Remove historical name</source>
        <translation>Удалить историческое название</translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation>Переименовать место</translation>
    </message>
    <message>
        <source>Delete place</source>
        <translation>Удалить место</translation>
    </message>
    <message>
        <source>Accept event</source>
        <translation>Принять событие</translation>
    </message>
    <message>
        <source>Fix date</source>
        <translation>Исправить дату</translation>
    </message>
    <message>
        <source>Merge events</source>
        <translation>Объединить события</translation>
    </message>
    <message>
        <source>New event from sentence</source>
        <translation>Новое событие из предложения</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <extracomment>Keys that undo and redo in the editor, wherever the focus is in its window.</extracomment>
        <translation>&amp;Отменить «{action}»</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Повторить «{action}»</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
</context>
<context>
    <name>TimelineSlider</name>
    <message>
        <source>Timeline</source>
        <extracomment>True before the first change of a drag (the pointer moved while pressed), False when it is released. Changes while :attr:`dragging` come faster than a glide could follow: the map jumps instead. the narrowest an approximate or uncertain date is drawn, in pixels</extracomment>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <source>Drag, or use Shift+Left/Right (a day) and Page Up/Page Down (a month), to move through time; Left and Right step from event to event</source>
        <translation>Перетаскивайте или нажимайте Shift+←/→ (на день) и Page Up/Page Down (на месяц), чтобы двигаться во времени; ← и → переходят от события к событию</translation>
    </message>
    <message>
        <source>Drag to move through time; click an event mark to jump to it</source>
        <translation>Перетаскивайте, чтобы двигаться во времени; щёлкните по отметке события, чтобы перейти к нему</translation>
    </message>
</context>
<context>
    <name>WindowExhibits</name>
    <message>
        <source>Draft exhibit</source>
        <translation>Черновик выставки</translation>
    </message>
    <message>
        <source>A draft was made from {name}. Check it before showing it to visitors.</source>
        <translation>Черновик составлен по файлу {name}. Проверьте его, прежде чем показывать посетителям.</translation>
    </message>
    <message>
        <source>This exhibit cannot be opened</source>
        <translation>Эту выставку нельзя открыть</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in {folder}. The current exhibit stays open.</source>
        <translation>
            <numerusform>%n ошибка в {folder}. Текущая выставка остаётся открытой.</numerusform>
            <numerusform>%n ошибки в {folder}. Текущая выставка остаётся открытой.</numerusform>
            <numerusform>%n ошибок в {folder}. Текущая выставка остаётся открытой.</numerusform>
        </translation>
    </message>
    <message>
        <source>About Chronomap</source>
        <translation>О программе Chronomap</translation>
    </message>
    <message>
        <source>not stated in the text as received</source>
        <translation>в полученном тексте не указан</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указана</translation>
    </message>
    <message>
        <source>Article translated by {translator}</source>
        <translation>Перевод статьи: {translator}</translation>
    </message>
    <message>
        <source>Exhibit: {title}</source>
        <translation>Выставка: {title}</translation>
    </message>
    <message>
        <source>Article source: {source}; licence: {licence}.</source>
        <translation>Источник статьи: {source}; лицензия: {licence}.</translation>
    </message>
</context>
<context>
    <name>WindowSnapshots</name>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>The snapshot was not written.</source>
        <translation>Снимок не записан.</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <source>Copy failed</source>
        <translation>Копирование не удалось</translation>
    </message>
    <message>
        <source>Snapshot copied</source>
        <translation>Снимок скопирован</translation>
    </message>
</context>
<context>
    <name>WindowTimeBar</name>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
</context>
</TS>
