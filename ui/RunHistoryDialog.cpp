#include "RunHistoryDialog.h"

#include "Messages.h"

#include "store/RunStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

int RunHistoryDialog::limitMb()
{
    return QSettings().value("runStore/limitMb"_L1, kDefaultLimitMb).toInt();
}

RunHistoryDialog::RunHistoryDialog(RunStore *store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setObjectName(u"runHistoryDialog"_s);
    setWindowTitle(tr("Stored run history"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("The runs you load are kept on this computer (their status, times and codes — "
                      "never inputs, outputs or tokens), so that a flow opens at once and only new "
                      "runs are read from the service."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_summary = new QLabel;
    m_summary->setObjectName(u"runHistorySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto *form = new QFormLayout;
    m_limit = new QSpinBox;
    m_limit->setObjectName(u"runHistoryLimit"_s);
    m_limit->setRange(16, 64 * 1024);
    m_limit->setSuffix(tr(" MB"));
    m_limit->setValue(limitMb());
    form->addRow(tr("&Size limit:"), m_limit);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_clear = buttons->addButton(tr("C&lear stored history…"), QDialogButtonBox::ResetRole);
    m_clear->setObjectName(u"clearRunHistory"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_limit, &QSpinBox::editingFinished, this, [this] {
        QSettings().setValue("runStore/limitMb"_L1, m_limit->value());
        if (m_store && m_store->isOpen())
            m_store->enforceLimit(qint64(m_limit->value()) * 1024 * 1024);
        refresh();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        askToConfirm(
            this, u"clearRunHistoryQuestion"_s, tr("Clear stored history"),
            tr("Forget every stored run of this account? Flows will read their runs from the service "
               "again."),
            tr("Clear"), [this] {
                if (m_store && m_store->clear())
                    emit cleared();
                else if (m_store)
                    showError(this, tr("Clear stored history"), tr("The stored runs could not be removed."),
                              m_store->lastError());
                refresh();
            });
    });
    refresh();
}

void RunHistoryDialog::refresh()
{
    const QLocale locale;
    if (!m_store || !m_store->isOpen()) {
        m_summary->setText(tr("No history is stored for this session (the demo keeps none)."));
        m_clear->setEnabled(false);
        m_limit->setEnabled(false);
        return;
    }
    m_summary->setText(
        tr("%1 runs, %2, in %3")
            .arg(locale.toString(m_store->runCount()),
                 locale.formattedDataSize(m_store->sizeBytes(), 1, QLocale::DataSizeTraditionalFormat),
                 m_store->path()));
    m_clear->setEnabled(true);
}

} // namespace fc
