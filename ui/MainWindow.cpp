#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("FlowConsole"));
    setWindowIcon(QIcon(u":/icons/flowconsole.svg"_s));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"treeFilter"_s);
    m_filter->setPlaceholderText(tr("Filter environments and flows (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeView;
    m_tree->setObjectName(u"navigationTree"_s);
    m_tree->setAccessibleName(tr("Environments and flows"));
    m_tree->setHeaderHidden(true);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    auto *welcome = new QLabel(tr("Select an environment or a flow."));
    welcome->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(welcome);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 900});
    setCentralWidget(m_splitter);

    buildMenus();
    statusBar()->showMessage(tr("Not signed in"));
    resize(1200, 760);
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Filter"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value("mainWindow/geometry"_L1).toByteArray());
    m_splitter->restoreState(settings.value("mainWindow/splitter"_L1).toByteArray());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue("mainWindow/geometry"_L1, saveGeometry());
    settings.setValue("mainWindow/splitter"_L1, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

} // namespace fc
