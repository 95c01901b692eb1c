// The console in German (issue 14): with LANG=de_DE.UTF-8 the main window, its menus, pages and
// dialogs show no string left in English. Two checks: every tr() lookup in FlowConsole's own
// contexts finds a German translation (a spy translator, installed below the German one, hears
// each lookup that found none), and no visible text equals an English source string whose German
// differs (which also catches text a translation was given but the code never asked for).

#include "BulkFlowActions.h"
#include "ConsoleTestSupport.h"
#include "EnvironmentPage.h"
#include "FlowActions.h"
#include "FlowPage.h"
#include "RunsModel.h"
#include "RunsTab.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

namespace {

// Hears every lookup the translators above it could not answer, in the contexts it watches.
class SpyTranslator : public QTranslator
{
public:
    QSet<QString> contexts;
    QSet<QString> qobjectSources; // ours among the QObject context's (Qt asks there too)
    mutable QStringList misses;

    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QString c = QString::fromUtf8(context);
        const QString text = QString::fromUtf8(source);
        if (contexts.contains(c) && (c != "QObject"_L1 || qobjectSources.contains(text))) {
            const QString key = c + u": "_s + text;
            if (!misses.contains(key))
                misses.append(key);
        }
        return {};
    }
    bool isEmpty() const override { return false; }
};

QString visible(QString text)
{
    if (Qt::mightBeRichText(text))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.remove(u'&');
    return text.trimmed();
}

} // namespace

class TestGermanGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyVisibleStringIsGerman();

private:
    void collect(QWidget *top, const QString &where);
    void collectMenu(const QList<QAction *> &actions, const QString &where);
    void add(const QString &text, const QString &where);
    // Triggers an action that opens a dialog, collects the dialog's strings and closes it.
    void collectDialog(const std::function<void()> &open, const QString &where);
    MainWindow *window() const { return m_console->window(); }

    SpyTranslator m_spy;
    QSet<QString> m_english; // source texts whose German differs, mnemonics removed
    QStringList m_untranslated;
    int m_seen = 0;
    std::unique_ptr<Console> m_console;
};

void TestGermanGui::initTestCase()
{
    QSettings().clear();
    QCOMPARE(QLocale().language(), QLocale::German); // LANG=de_DE.UTF-8 from the test's environment
    QFile ts(QStringLiteral(FC_TS_FILE));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString context, source;
    QSet<QString> germanTexts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1)
            context = xml.readElementText();
        else if (xml.name() == "source"_L1)
            source = xml.readElementText();
        else if (xml.name() == "translation"_L1) {
            m_spy.contexts.insert(context);
            if (context == "QObject"_L1)
                m_spy.qobjectSources.insert(source);
            // Plural forms are child elements (and their sources carry %n, so they are left out).
            const QString german = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!german.isEmpty() && visible(german) != visible(source) && !source.contains(u'%'))
                m_english.insert(visible(source));
            germanTexts.insert(visible(german));
        }
    }
    // A German word that is also an English source ("Profile", the German of "Profiles") is German.
    for (const QString &word : std::as_const(germanTexts))
        m_english.remove(word);
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(m_english.size() > 300);
    QCoreApplication::installTranslator(&m_spy); // lowest priority: asked only when German has nothing
    QCOMPARE(installTranslations(QLocale()), u"de"_s);
    m_console = test::openDemoConsole(true);
    QVERIFY(m_console);
}

void TestGermanGui::cleanupTestCase()
{
    m_console.reset();
    QCoreApplication::removeTranslator(&m_spy);
}

void TestGermanGui::add(const QString &text, const QString &where)
{
    const QString shown = visible(text);
    if (shown.isEmpty())
        return;
    ++m_seen;
    if (m_english.contains(shown)) {
        const QString entry = where + u": "_s + shown;
        if (!m_untranslated.contains(entry))
            m_untranslated.append(entry);
    }
}

void TestGermanGui::collectMenu(const QList<QAction *> &actions, const QString &where)
{
    for (QAction *action : actions) {
        add(action->text(), where);
        if (action->toolTip() != action->text())
            add(action->toolTip(), where);
        if (action->menu())
            collectMenu(action->menu()->actions(), where + u" > "_s + visible(action->text()));
    }
}

void TestGermanGui::collect(QWidget *top, const QString &where)
{
    add(top->windowTitle(), where);
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(top) && w != top)
            continue;
        const QString at =
            where + u" / "_s +
            (w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName());
        add(w->toolTip(), at);
        if (auto *label = qobject_cast<QLabel *>(w))
            add(label->text(), at);
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), at);
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title(), at);
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(edit->placeholderText(), at);
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            add(plain->placeholderText(), at);
        else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(combo->itemText(i), at);
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), at);
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            if (QAbstractItemModel *model = view->model()) {
                for (int c = 0; c < model->columnCount(view->rootIndex()); ++c)
                    add(model->headerData(c, Qt::Horizontal).toString(), at + u" header"_s);
                for (int r = 0; r < std::min(model->rowCount(view->rootIndex()), 5); ++r) {
                    for (int c = 0; c < model->columnCount(view->rootIndex()); ++c) {
                        // A Code column shows the service's codes ("Succeeded", "ActionFailed") as sent.
                        if (model->headerData(c, Qt::Horizontal).toString() == u"Code"_s)
                            continue;
                        add(model->index(r, c, view->rootIndex()).data().toString(), at + u" cell"_s);
                    }
                }
            }
        }
        for (QAction *action : w->actions()) {
            if (action->isVisible() && !action->text().isEmpty())
                collectMenu({action}, at);
        }
    }
}

void TestGermanGui::collectDialog(const std::function<void()> &open, const QString &where)
{
    const QSet<QWidget *> before = [] {
        const QWidgetList list = QApplication::topLevelWidgets();
        return QSet<QWidget *>(list.begin(), list.end());
    }();
    open();
    QWidget *dialog = nullptr;
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (w->isVisible() && !before.contains(w) && qobject_cast<QDialog *>(w))
                    dialog = w;
            }
            return dialog != nullptr;
        }(),
        qPrintable(where), 10000);
    QTest::qWait(50); // let a dialog that loads something fill in its first answer
    if (auto *advanced = dialog->findChild<QCheckBox *>(u"advancedCheck"_s))
        advanced->setChecked(true);
    collect(dialog, where);
    QVERIFY(dialog->grab().save(QStringLiteral(FC_SCREENSHOT_DIR "/de-") +
                                QString(where).replace(u' ', u'-') + u".png"_s));
    static_cast<QDialog *>(dialog)->reject();
    QTRY_VERIFY(!dialog->isVisible());
}

void TestGermanGui::everyVisibleStringIsGerman()
{
    NavigationModel *model = window()->navigation();
    const QString env = test::defaultEnvironment(model);
    QVERIFY(test::waitForFlows(model, env));
    collectMenu(window()->menuBar()->actions(), u"menu"_s);
    for (QToolBar *bar : window()->findChildren<QToolBar *>())
        collectMenu(bar->actions(), u"toolbar"_s);
    collect(window(), u"main window"_s);

    // The environment page and its tabs.
    QTreeView *tree = window()->tree();
    const auto select = [&](const QModelIndex &source) {
        auto *proxy = static_cast<QSortFilterProxyModel *>(tree->model());
        tree->setCurrentIndex(proxy->mapFromSource(source));
    };
    select(model->environmentIndex(env));
    auto *envPage = window()->findChild<EnvironmentPage *>();
    auto *envTabs = envPage->findChild<QTabWidget *>(u"environmentTabs"_s);
    for (int tab = 0; tab < envTabs->count(); ++tab) {
        envTabs->setCurrentIndex(tab);
        QTest::qWait(200);
        collect(envPage, u"environment page"_s);
    }
    envTabs->setCurrentIndex(0);

    // The administrator's pages.
    for (auto kind : {NavigationModel::NodeKind::AdminFlows, NavigationModel::NodeKind::RecycleBin}) {
        QTRY_VERIFY(model->adminIndex(env, kind).isValid());
        select(model->adminIndex(env, kind));
        QTest::qWait(300);
        collect(window(), u"admin page"_s);
    }

    // A flow's page, every tab.
    const QModelIndex flow = model->index(0, 0, model->environmentIndex(env));
    QVERIFY(model->flowAt(flow));
    select(flow);
    auto *flowPage = window()->findChild<FlowPage *>(u"flowPage"_s);
    QTRY_VERIFY(flowPage->isVisible());
    for (int tab = 0; tab < flowPage->tabs()->count(); ++tab) {
        flowPage->setCurrentTab(tab);
        QTest::qWait(200);
        collect(flowPage, u"flow page"_s);
    }
    RunsTab *runs = flowPage->runsTab();
    flowPage->setCurrentTab(flowPage->tabs()->indexOf(runs));
    QTRY_VERIFY_WITH_TIMEOUT(runs->model()->isLoaded() && runs->model()->rowCount() > 0, 20000);
    collect(flowPage, u"runs tab"_s);
    QVERIFY(window()->grab().save(QStringLiteral(FC_SCREENSHOT_DIR "/screenshot-de.png")));

    // The dialogs.
    collectDialog([&] { window()->findChild<QAction *>(u"actionProfiles"_s)->trigger(); }, u"profiles"_s);
    collectDialog([&] { window()->actions()->edit()->trigger(); }, u"flow editor"_s);
    collectDialog([&] { flowPage->shareAction()->trigger(); }, u"owners"_s);
    collectDialog([&] { runs->view()->activated(runs->view()->model()->index(0, 0)); }, u"run details"_s);
    collectDialog([&] { window()->bulkActions()->resubmitFailed()->trigger(); }, u"resubmit sweep"_s);
    collectDialog([&] { window()->bulkActions()->cancelAllRunning()->trigger(); }, u"cancel sweep"_s);
    collectDialog([&] { window()->findChild<QAction *>(u"runHistoryAction"_s)->trigger(); },
                  u"run history"_s);
    if (window()->actions()->runNow()->isEnabled())
        collectDialog([&] { window()->actions()->runNow()->trigger(); }, u"run now"_s);
    for (QAction *action : window()->menuBar()->actions().last()->menu()->actions()) {
        if (!action->menu() && !action->isSeparator())
            collectDialog([action] { action->trigger(); }, u"help"_s);
    }

    QVERIFY2(m_seen > 300, qPrintable(QString::number(m_seen))); // the walk saw the console
    const QString report = u"\nvisible English text:\n"_s + m_untranslated.join(u'\n') +
                           u"\ntr() lookups with no German:\n"_s + m_spy.misses.join(u'\n');
    QVERIFY2(m_untranslated.isEmpty() && m_spy.misses.isEmpty(), qPrintable(report));
}

QTEST_MAIN(TestGermanGui)
#include "tst_german_gui.moc"
