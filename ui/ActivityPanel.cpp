#include "ActivityPanel.h"

#include "OperationsModel.h"
#include "ProgressDelegate.h"
#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
QPushButton *makeButton(const QString &text, const QString &name, const QString &accessible)
{
    auto *button = new QPushButton(text);
    button->setObjectName(name);
    button->setAccessibleName(accessible);
    return button;
}
} // namespace

ActivityPanel::ActivityPanel(OperationManager *manager, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_manager(manager)
    , m_model(new OperationsModel(manager, this))
{
    setObjectName(u"activityDock"_s);
    setAccessibleName(tr("Activity"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    m_resumeBar = new QFrame;
    m_resumeBar->setObjectName(u"resumeBar"_s);
    m_resumeBar->setAccessibleName(tr("Unfinished operations"));
    m_resumeBar->setFrameShape(QFrame::StyledPanel);
    m_resumeBar->setAutoFillBackground(true);
    QPalette barPalette = m_resumeBar->palette();
    barPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    barPalette.setColor(QPalette::WindowText, QColor(0x32, 0x31, 0x30));
    m_resumeBar->setPalette(barPalette);
    auto *barLayout = new QHBoxLayout(m_resumeBar);
    barLayout->setContentsMargins(8, 4, 4, 4);
    m_resumeText = new QLabel;
    m_resumeText->setObjectName(u"resumeText"_s);
    m_resumeText->setWordWrap(true);
    auto *resumeAll =
        makeButton(tr("&Resume"), u"resumeUnfinishedButton"_s, tr("Resume unfinished operations"));
    auto *discard =
        makeButton(tr("D&iscard"), u"discardUnfinishedButton"_s, tr("Discard unfinished operations"));
    barLayout->addWidget(m_resumeText, 1);
    barLayout->addWidget(resumeAll);
    barLayout->addWidget(discard);
    m_resumeBar->hide();
    layout->addWidget(m_resumeBar);

    auto *buttons = new QHBoxLayout;
    m_pause = makeButton(tr("&Pause"), u"pauseOperationButton"_s, tr("Pause the operation"));
    m_resume = makeButton(tr("Res&ume"), u"resumeOperationButton"_s, tr("Resume the operation"));
    m_cancel = makeButton(tr("&Cancel"), u"cancelOperationButton"_s, tr("Cancel the operation"));
    m_retry = makeButton(tr("Retry &failed"), u"retryOperationButton"_s, tr("Retry the failed items"));
    m_clear = makeButton(tr("C&lear finished"), u"clearOperationsButton"_s, tr("Clear finished operations"));
    for (QPushButton *button : {m_pause, m_resume, m_cancel, m_retry})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    layout->addLayout(buttons);

    m_view = new QTreeView;
    m_view->setObjectName(u"activityView"_s);
    m_view->setAccessibleName(tr("Bulk operations and their items"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(OperationsModel::ProgressColumn,
                                     new ProgressDelegate(OperationsModel::ProgressRole, m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    const int widths[] = {340, 110, 90, 200, 75, 60, 60, 65, 60, 80};
    for (int c = 0; c < OperationsModel::MessageColumn; ++c)
        header->resizeSection(c, widths[c]);
    m_empty =
        new QLabel(tr("No bulk operations yet. Cancel or resubmit many runs, or turn several flows on or "
                      "off, and the work shows here."));
    m_empty->setObjectName(u"activityEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    setWidget(content);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (BulkEngine *engine = currentOperation())
            engine->pause();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (BulkEngine *engine = currentOperation())
            engine->resume();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (BulkEngine *engine = currentOperation())
            engine->cancel();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (BulkEngine *engine = currentOperation())
            engine->retryFailed();
    });
    connect(m_clear, &QPushButton::clicked, m_manager, &OperationManager::clearFinished);
    connect(resumeAll, &QPushButton::clicked, m_manager, &OperationManager::resumeUnfinished);
    connect(discard, &QPushButton::clicked, m_manager, &OperationManager::discardUnfinished);
    connect(m_manager, &OperationManager::unfinishedFound, this, &ActivityPanel::showResumeBar);
    connect(m_manager, &OperationManager::unfinishedResolved, m_resumeBar, &QWidget::hide);
    connect(m_manager, &OperationManager::operationAdded, this, [this](BulkEngine *engine) {
        // Work the user just started (or that waits for their word) is worth seeing.
        show();
        raise();
        if (!m_manager->unfinished().contains(engine) || !currentOperation())
            selectOperation(engine);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &ActivityPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPanel::updateButtons);
    updateButtons();
}

BulkEngine *ActivityPanel::currentOperation() const
{
    return m_model->operationAt(m_view->currentIndex());
}

void ActivityPanel::selectOperation(const BulkEngine *engine)
{
    const QModelIndex index = m_model->indexOf(engine);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ActivityPanel::showResumeBar(int count)
{
    m_resumeText->setText(tr("%n operation(s) did not finish when FlowConsole last stopped. Resume them? "
                             "Items already done are not done again.",
                             nullptr, count));
    m_resumeBar->show();
    show();
    raise();
}

void ActivityPanel::updateButtons()
{
    const bool hasRows = m_model->rowCount() > 0;
    m_view->setVisible(hasRows);
    m_empty->setVisible(!hasRows);

    const BulkEngine *engine = currentOperation();
    const OperationState state = engine ? engine->state() : OperationState::Finished;
    const bool over = state == OperationState::Finished || state == OperationState::Cancelled;
    const ItemCounts c = engine ? engine->counts() : ItemCounts();
    m_pause->setEnabled(engine && state == OperationState::Running);
    m_resume->setEnabled(engine && (state == OperationState::Paused || state == OperationState::Interrupted));
    m_cancel->setEnabled(engine && !over);
    m_retry->setEnabled(engine && over && engine->inFlight() == 0 && c.failed + c.unknown > 0);
    bool anyOver = false;
    for (const BulkEngine *op : m_manager->operations()) {
        const OperationState s = op->state();
        anyOver = anyOver ||
                  ((s == OperationState::Finished || s == OperationState::Cancelled) && op->inFlight() == 0);
    }
    m_clear->setEnabled(anyOver);
}

void ActivityPanel::showContextMenu(const QPoint &pos)
{
    if (!currentOperation())
        return;
    QMenu *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QPushButton *button : {m_pause, m_resume, m_cancel, m_retry}) {
        QAction *action = menu->addAction(button->text(), button, &QPushButton::click);
        action->setEnabled(button->isEnabled());
    }
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace fc
