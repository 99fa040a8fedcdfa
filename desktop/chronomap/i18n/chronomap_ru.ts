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
        <source>The article text. The passage being told is highlighted; sentences link to their event and place names to the map (Tab moves between links, Enter follows one)</source>
        <translation>Текст статьи. Отрывок, о котором идёт речь, выделен; предложения ведут к своему событию, названия мест — на карту (Tab переходит между ссылками, Enter открывает ссылку)</translation>
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
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Before the story begins</source>
        <extracomment>Render-process crash back-off: reload after these delays for the 1st, 2nd, … crash in a row. The side panel takes this share of the screen&apos;s width, within these bounds (px). With large type the side panel is wider, so the card&apos;s words still fit beside the map. The languages, the card and its places take at most this share of the side panel&apos;s height. What the map area shows while its page (re)loads: the map&apos;s own sea colour (assets/map/chronomap.css). The language every visitor starts in: the configured one, else the system&apos;s.</extracomment>
        <translation>До начала истории</translation>
    </message>
    <message>
        <source>Shows this place on the map, with what the exhibit says about it.</source>
        <translation>Показывает это место на карте и то, что о нём рассказывает выставка.</translation>
    </message>
    <message>
        <source>Chronomap kiosk</source>
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
        <source>Places</source>
        <translation>Места</translation>
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
        <source>Summary</source>
        <translation>Кратко</translation>
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
        <translation>Смотреть</translation>
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
        <extracomment>The window&apos;s size on a screen with room for it, in logical pixels.</extracomment>
        <translation>&amp;Открыть выставку…</translation>
    </message>
    <message>
        <source>Open an exhibit folder, a TimelineJS file or a Linked Places file</source>
        <translation>Открыть папку выставки, файл TimelineJS или Linked Places</translation>
    </message>
    <message>
        <source>&amp;New exhibit from article…</source>
        <translation>&amp;Новая выставка из статьи…</translation>
    </message>
    <message>
        <source>Draft an exhibit from an article and open it</source>
        <translation>Составить черновик выставки по статье и открыть его</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
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
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>Draft an exhibit from an article</source>
        <translation>Черновик выставки по статье</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>Folder for the new exhibit (an empty one)</source>
        <translation>Папка для новой выставки (пустая)</translation>
    </message>
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
    <message>
        <source>About Chronomap</source>
        <translation>О программе Chronomap</translation>
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
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff exit</source>
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
    <name>TimelineSlider</name>
    <message>
        <source>Timeline</source>
        <extracomment>the narrowest an approximate or uncertain date is drawn, in pixels</extracomment>
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
</TS>
